using System.Runtime.InteropServices;
using HeteroAgents.Inference.Onnx;

namespace HeteroAgents.Inference.Batching;

/// <summary>
/// The KV cache of one token prefix: per KV tensor a native block [kv_heads, length, head_dim]. Owned by
/// <see cref="PrefixCache"/>; used only on the model's scheduler thread.
/// </summary>
internal sealed unsafe class PrefixCacheEntry : IDisposable
{
    private readonly nint[] _tensors;

    public PrefixCacheEntry(int[] tokens, DecoderState source)
    {
        Tokens = tokens;
        var layout = source.Layout;
        Bytes = (long)tokens.Length * layout.TokenBytesAllHeads * source.TensorCount;
        _tensors = new nint[source.TensorCount];
        for (var i = 0; i < _tensors.Length; i++)
        {
            _tensors[i] = (nint)NativeMemory.AlignedAlloc((nuint)Math.Max(64, tokens.Length * layout.TokenBytesAllHeads), 64);
            layout.Copy(source.Kv(i), source.Stride, 0, 0, _tensors[i], tokens.Length, 0, 0, tokens.Length);
        }
    }

    /// <summary>The prefix (its KV covers exactly these tokens).</summary>
    public int[] Tokens { get; }

    public int Length => Tokens.Length;

    /// <summary>Native bytes held.</summary>
    public long Bytes { get; }

    /// <summary>Logical time of the last use (least recently used goes first).</summary>
    public long LastUsed { get; set; }

    public nint Tensor(int index) => _tensors[index];

    public void Dispose()
    {
        foreach (var t in _tensors)
        {
            NativeMemory.AlignedFree((void*)t);
        }
    }
}
