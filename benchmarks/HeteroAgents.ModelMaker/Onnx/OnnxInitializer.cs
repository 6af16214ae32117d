namespace HeteroAgents.ModelMaker.Onnx;

/// <summary>
/// A graph initializer whose bytes are produced only when the model file is written, so that large
/// models never hold all of their weights in memory at once.
/// </summary>
internal sealed class OnnxInitializer
{
    public OnnxInitializer(string name, OnnxDataType dataType, long[] dims, Func<byte[]> data)
    {
        Name = name;
        DataType = dataType;
        Dims = dims;
        Data = data;
        ByteLength = ElementSize(dataType) * dims.Aggregate(1L, (a, b) => a * b);
    }

    public string Name { get; }

    public OnnxDataType DataType { get; }

    public IReadOnlyList<long> Dims { get; }

    public Func<byte[]> Data { get; }

    public long ByteLength { get; }

    /// <summary>Encodes the <c>TensorProto</c> fields other than the data: dims=1, data_type=2, name=8.</summary>
    public ProtoMessage EncodeHeader()
    {
        var message = new ProtoMessage();
        foreach (var dim in Dims)
        {
            message.Int64(1, dim);
        }

        return message.Int32(2, (int)DataType).String(8, Name);
    }

    public static int ElementSize(OnnxDataType type) => type switch
    {
        OnnxDataType.Float or OnnxDataType.Int32 => 4,
        OnnxDataType.Int64 => 8,
        OnnxDataType.Float16 => 2,
        _ => 1,
    };
}
