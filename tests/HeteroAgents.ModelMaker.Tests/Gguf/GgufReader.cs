using System.Text;

namespace HeteroAgents.ModelMaker.Tests.Gguf;

/// <summary>A minimal GGUF v3 reader for tests: metadata, tensor infos, and raw tensor bytes.</summary>
internal sealed class GgufReader
{
    public GgufReader(string path)
    {
        Bytes = File.ReadAllBytes(path);
        using var reader = new BinaryReader(new MemoryStream(Bytes));
        Magic = reader.ReadUInt32();
        Version = reader.ReadUInt32();
        var tensorCount = reader.ReadUInt64();
        var kvCount = reader.ReadUInt64();
        for (ulong i = 0; i < kvCount; i++)
        {
            var key = ReadString(reader);
            Metadata[key] = ReadValue(reader, reader.ReadUInt32());
        }

        for (ulong i = 0; i < tensorCount; i++)
        {
            var name = ReadString(reader);
            var dims = new long[reader.ReadUInt32()];
            for (var d = 0; d < dims.Length; d++)
            {
                dims[d] = (long)reader.ReadUInt64();
            }

            Tensors[name] = (dims, reader.ReadUInt32(), (long)reader.ReadUInt64());
            TensorOrder.Add(name);
        }

        DataStart = (reader.BaseStream.Position + 31) / 32 * 32;
    }

    public byte[] Bytes { get; }

    public uint Magic { get; }

    public uint Version { get; }

    public long DataStart { get; }

    public Dictionary<string, object> Metadata { get; } = [];

    public Dictionary<string, (long[] Dims, uint Type, long Offset)> Tensors { get; } = [];

    public List<string> TensorOrder { get; } = [];

    public float[] ReadF32(string name)
    {
        var (dims, type, offset) = Tensors[name];
        Assert.Equal(0u, type);
        var count = dims.Aggregate(1L, (a, b) => a * b);
        var result = new float[count];
        Buffer.BlockCopy(Bytes, (int)(DataStart + offset), result, 0, (int)count * 4);
        return result;
    }

    public float[] DequantizeQ8_0(string name)
    {
        var (dims, type, offset) = Tensors[name];
        Assert.Equal(8u, type);
        var count = dims.Aggregate(1L, (a, b) => a * b);
        var result = new float[count];
        for (var b = 0; b < count / 32; b++)
        {
            var at = (int)(DataStart + offset + (b * 34));
            var d = (float)BitConverter.ToHalf(Bytes, at);
            for (var j = 0; j < 32; j++)
            {
                result[(b * 32) + j] = d * (sbyte)Bytes[at + 2 + j];
            }
        }

        return result;
    }

    public float[] DequantizeQ4_0(string name)
    {
        var (dims, type, offset) = Tensors[name];
        Assert.Equal(2u, type);
        var count = dims.Aggregate(1L, (a, b) => a * b);
        var result = new float[count];
        for (var b = 0; b < count / 32; b++)
        {
            var at = (int)(DataStart + offset + (b * 18));
            var d = (float)BitConverter.ToHalf(Bytes, at);
            for (var j = 0; j < 16; j++)
            {
                var packed = Bytes[at + 2 + j];
                result[(b * 32) + j] = d * ((packed & 0x0F) - 8);
                result[(b * 32) + j + 16] = d * ((packed >> 4) - 8);
            }
        }

        return result;
    }

    private static string ReadString(BinaryReader reader) => Encoding.UTF8.GetString(reader.ReadBytes((int)reader.ReadUInt64()));

    private static object ReadValue(BinaryReader reader, uint type) => type switch
    {
        0 => reader.ReadByte(),
        1 => reader.ReadSByte(),
        4 => reader.ReadUInt32(),
        5 => reader.ReadInt32(),
        6 => reader.ReadSingle(),
        7 => reader.ReadByte() != 0,
        8 => ReadString(reader),
        9 => ReadArray(reader),
        10 => reader.ReadUInt64(),
        _ => throw new InvalidDataException($"GGUF value type {type} not handled by the test reader"),
    };

    private static object[] ReadArray(BinaryReader reader)
    {
        var type = reader.ReadUInt32();
        var count = (long)reader.ReadUInt64();
        var items = new object[count];
        for (var i = 0; i < count; i++)
        {
            items[i] = ReadValue(reader, type);
        }

        return items;
    }
}
