using System.Text;

namespace HeteroAgents.ModelMaker.Gguf;

/// <summary>
/// Writes a GGUF v3 file: header, metadata key/values, tensor infos, then 32-byte aligned tensor data,
/// producing one tensor's bytes at a time.
/// </summary>
internal sealed class GgufFile
{
    private const uint Alignment = 32;
    private readonly List<(string Key, GgufValueType Type, object Value)> _metadata = [];
    private readonly List<GgufTensor> _tensors = [];

    public void Add(string key, string value) => _metadata.Add((key, GgufValueType.String, value));

    public void Add(string key, uint value) => _metadata.Add((key, GgufValueType.UInt32, value));

    public void Add(string key, float value) => _metadata.Add((key, GgufValueType.Float32, value));

    public void Add(string key, bool value) => _metadata.Add((key, GgufValueType.Bool, value));

    public void AddStrings(string key, IReadOnlyList<string> values) => _metadata.Add((key, GgufValueType.Array, (GgufValueType.String, (object)values)));

    public void AddInt32s(string key, IReadOnlyList<int> values) => _metadata.Add((key, GgufValueType.Array, (GgufValueType.Int32, (object)values)));

    public void AddTensor(GgufTensor tensor) => _tensors.Add(tensor);

    public void Write(string path)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(0x46554747u); // "GGUF"
        w.Write(3u);
        w.Write((ulong)_tensors.Count);
        w.Write((ulong)_metadata.Count);
        foreach (var (key, type, value) in _metadata)
        {
            WriteString(w, key);
            w.Write((uint)type);
            WriteValue(w, type, value);
        }

        ulong offset = 0;
        var offsets = new List<ulong>();
        foreach (var tensor in _tensors)
        {
            WriteString(w, tensor.Name);
            w.Write((uint)tensor.Dims.Length);
            foreach (var dim in tensor.Dims)
            {
                w.Write((ulong)dim);
            }

            w.Write((uint)tensor.Type);
            w.Write(offset);
            offsets.Add(offset);
            offset = Align(offset + (ulong)tensor.ByteLength);
        }

        w.Flush();
        Pad(stream, Align((ulong)stream.Position));
        var dataStart = (ulong)stream.Position;
        for (var i = 0; i < _tensors.Count; i++)
        {
            Pad(stream, dataStart + offsets[i]);
            var bytes = _tensors[i].Data();
            if (bytes.LongLength != _tensors[i].ByteLength)
            {
                throw new InvalidOperationException($"GGUF tensor '{_tensors[i].Name}' produced {bytes.Length} bytes, expected {_tensors[i].ByteLength}.");
            }

            stream.Write(bytes);
        }
    }

    private static ulong Align(ulong value) => (value + Alignment - 1) / Alignment * Alignment;

    private static void Pad(Stream stream, ulong target)
    {
        while ((ulong)stream.Position < target)
        {
            stream.WriteByte(0);
        }
    }

    private static void WriteString(BinaryWriter w, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        w.Write((ulong)bytes.Length);
        w.Write(bytes);
    }

    private static void WriteValue(BinaryWriter w, GgufValueType type, object value)
    {
        switch (type)
        {
            case GgufValueType.String: WriteString(w, (string)value); break;
            case GgufValueType.UInt32: w.Write((uint)value); break;
            case GgufValueType.Int32: w.Write((int)value); break;
            case GgufValueType.Float32: w.Write((float)value); break;
            case GgufValueType.Bool: w.Write((bool)value ? (byte)1 : (byte)0); break;
            case GgufValueType.Array:
                var (elementType, items) = ((GgufValueType, object))value;
                w.Write((uint)elementType);
                if (items is IReadOnlyList<string> strings)
                {
                    w.Write((ulong)strings.Count);
                    foreach (var s in strings)
                    {
                        WriteString(w, s);
                    }
                }
                else
                {
                    var ints = (IReadOnlyList<int>)items;
                    w.Write((ulong)ints.Count);
                    foreach (var i in ints)
                    {
                        w.Write(i);
                    }
                }

                break;
            default: throw new InvalidOperationException($"Unsupported GGUF value type {type}.");
        }
    }
}
