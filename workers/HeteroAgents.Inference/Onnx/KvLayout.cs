namespace HeteroAgents.Inference.Onnx;

/// <summary>
/// Addresses KV tensors laid out as [rows, kv_heads, stride, head_dim] (stride = the sequence axis of the buffer) and
/// copies token ranges between two such buffers, head by head.
/// </summary>
internal readonly unsafe struct KvLayout(int heads, int headDim, int elementSize)
{
    public int Heads { get; } = heads;

    /// <summary>Bytes of one token of one head.</summary>
    public int TokenBytes { get; } = headDim * elementSize;

    /// <summary>Bytes of one token across all KV heads of one tensor.</summary>
    public long TokenBytesAllHeads => (long)Heads * TokenBytes;

    /// <summary>Copies <paramref name="count"/> tokens of every head from one row of a buffer into a row of another.</summary>
    public void Copy(nint source, int sourceStride, int sourceRow, int sourceStart, nint target, int targetStride, int targetRow, int targetStart, int count)
    {
        if (count <= 0)
        {
            return;
        }

        var bytes = (long)count * TokenBytes;
        for (var h = 0; h < Heads; h++)
        {
            var from = (byte*)source + ((((long)sourceRow * Heads) + h) * sourceStride + sourceStart) * TokenBytes;
            var to = (byte*)target + ((((long)targetRow * Heads) + h) * targetStride + targetStart) * TokenBytes;
            Buffer.MemoryCopy(from, to, bytes, bytes);
        }
    }

    /// <summary>Zeroes <paramref name="count"/> tokens of every head of one row (padding must hold finite values: masked scores are added to it).</summary>
    public void Clear(nint buffer, int stride, int row, int start, int count)
    {
        if (count <= 0)
        {
            return;
        }

        for (var h = 0; h < Heads; h++)
        {
            var at = (byte*)buffer + ((((long)row * Heads) + h) * stride + start) * TokenBytes;
            new Span<byte>(at, count * TokenBytes).Clear();
        }
    }
}
