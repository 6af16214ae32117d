namespace HeteroAgents.ModelMaker.Gguf;

/// <summary>One tensor to write: its GGUF name, ggml dims (ne[0] = innermost), ggml type, and lazily produced bytes.</summary>
internal sealed record GgufTensor(string Name, long[] Dims, GgmlType Type, Func<byte[]> Data)
{
    /// <summary>Size of the tensor data in bytes.</summary>
    public long ByteLength
    {
        get
        {
            var count = Dims.Aggregate(1L, (a, b) => a * b);
            return Type switch
            {
                GgmlType.F32 => count * 4,
                GgmlType.F16 => count * 2,
                GgmlType.Q8_0 => count / 32 * 34,
                GgmlType.Q4_0 => count / 32 * 18,
                _ => throw new InvalidOperationException($"Unsupported ggml type {Type}."),
            };
        }
    }
}
