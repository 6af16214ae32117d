using System.Text;

namespace HeteroAgents.ModelMaker.Onnx;

/// <summary>
/// Serializes an <see cref="OnnxGraph"/> as an ONNX <c>ModelProto</c>, streaming one initializer at a time.
/// With external data, tensor bytes go to a side file (4 KiB aligned) and the protobuf holds only references.
/// </summary>
internal static class OnnxModelWriter
{
    private const long ExternalAlignment = 4096;
    private const long ProtobufLimit = int.MaxValue - (64L << 20);

    // Like onnx's save_as_external_data size_threshold: small tensors (shape constants, norms of tiny models) stay
    // inline, which shape inference needs for Reshape targets.
    private const long ExternalThreshold = 1024;

    /// <summary>
    /// Writes the model; returns the external data file's path, or null when the weights are inline. The data file is
    /// <paramref name="dataFileName"/> beside the model (default <c>&lt;model&gt;.data</c>; Optimum and transformers.js use
    /// <c>&lt;model&gt;_data</c>).
    /// </summary>
    public static string? Write(OnnxGraph graph, string modelPath, bool externalData, IReadOnlyDictionary<string, string> metadata, string? dataFileName = null)
    {
        dataFileName ??= Path.GetFileName(modelPath) + ".data";
        var dataPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(modelPath))!, dataFileName);
        var tensors = new List<(OnnxInitializer Init, byte[] Header, long Offset)>();
        long offset = 0;
        foreach (var init in graph.Initializers)
        {
            var header = init.EncodeHeader();
            long tensorOffset = -1;
            if (externalData && init.ByteLength >= ExternalThreshold)
            {
                offset = (offset + ExternalAlignment - 1) / ExternalAlignment * ExternalAlignment;
                tensorOffset = offset;
                // TensorProto: external_data=13 (StringStringEntryProto key=1 value=2), data_location=14 (EXTERNAL=1).
                header.Message(13, Entry("location", dataFileName))
                    .Message(13, Entry("offset", tensorOffset.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                    .Message(13, Entry("length", init.ByteLength.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                    .Int32(14, 1);
                offset += init.ByteLength;
            }

            tensors.Add((init, header.ToArray(), tensorOffset));
        }

        static long TensorSize((OnnxInitializer Init, byte[] Header, long Offset) t) =>
            t.Header.Length + (t.Offset >= 0 ? 0 : ProtoMessage.FieldSize(9, t.Init.ByteLength));

        var graphName = Encoding.UTF8.GetBytes("main_graph");
        long graphSize = graph.Nodes.Sum(n => ProtoMessage.FieldSize(1, n.Length))
            + ProtoMessage.FieldSize(2, graphName.Length)
            + tensors.Sum(t => ProtoMessage.FieldSize(5, TensorSize(t)))
            + graph.Inputs.Sum(i => ProtoMessage.FieldSize(11, i.Length))
            + graph.Outputs.Sum(o => ProtoMessage.FieldSize(12, o.Length));
        if (graphSize > ProtobufLimit)
        {
            throw new InvalidOperationException(
                $"The ONNX graph would be {graphSize:N0} bytes, over the 2 GB protobuf limit; write it with external data.");
        }

        // ModelProto: ir_version=1, producer_name=2, producer_version=3, graph=7, opset_import=8, metadata_props=14.
        var head = new ProtoMessage().Int64(1, 8).String(2, "HeteroAgents.ModelMaker").String(3, "0.1.0");
        head.Message(8, new ProtoMessage().String(1, "").Int64(2, 17));
        foreach (var domain in graph.Domains.Order(StringComparer.Ordinal))
        {
            head.Message(8, new ProtoMessage().String(1, domain).Int64(2, 1));
        }

        foreach (var (key, value) in metadata.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            head.Message(14, Entry(key, value));
        }

        using var model = new FileStream(modelPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var data = externalData ? new FileStream(dataPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20) : null;
        model.Write(head.ToArray());
        WriteHeader(model, 7, graphSize);
        foreach (var node in graph.Nodes)
        {
            WriteField(model, 1, node);
        }

        WriteField(model, 2, graphName);
        foreach (var tensor in tensors)
        {
            var bytes = tensor.Init.Data();
            if (bytes.LongLength != tensor.Init.ByteLength)
            {
                throw new InvalidOperationException($"Initializer '{tensor.Init.Name}' produced {bytes.Length} bytes, expected {tensor.Init.ByteLength}.");
            }

            WriteHeader(model, 5, TensorSize(tensor));
            model.Write(tensor.Header);
            if (tensor.Offset < 0)
            {
                WriteField(model, 9, bytes);
            }
            else
            {
                data!.SetLength(tensor.Offset);
                data.Position = tensor.Offset;
                data.Write(bytes);
            }
        }

        foreach (var input in graph.Inputs)
        {
            WriteField(model, 11, input);
        }

        foreach (var output in graph.Outputs)
        {
            WriteField(model, 12, output);
        }

        return data is null ? null : dataPath;
    }

    private static ProtoMessage Entry(string key, string value) => new ProtoMessage().String(1, key).String(2, value);

    private static void WriteField(Stream stream, int field, byte[] payload)
    {
        WriteHeader(stream, field, payload.Length);
        stream.Write(payload);
    }

    private static void WriteHeader(Stream stream, int field, long length)
    {
        WriteVarint(stream, ((ulong)field << 3) | 2);
        WriteVarint(stream, (ulong)length);
    }

    private static void WriteVarint(Stream stream, ulong value)
    {
        while (value >= 0x80)
        {
            stream.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        stream.WriteByte((byte)value);
    }
}
