using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace HeteroAgents.Inference.Onnx;

/// <summary>
/// One sequence (or a batch of sequences sharing a prefix) being decoded: the KV cache in two native buffer sets
/// that swap roles each step (present of step t is the past of step t+1, with no copy by us) or, for graphs exported
/// with a shared past/present buffer (GroupQueryAttention, <c>past_present_share_buffer</c>), one buffer of the full
/// capacity that ONNX Runtime appends to in place; pinned input buffers, and a logits buffer reused across steps. Prompt
/// chunks (<c>lastPositionOnly</c>: only the last position's logits wanted) of at least
/// <see cref="PromptSessionMinTokens"/> tokens run on the prompt session when one is given (the
/// float32-compute session of <see cref="OnnxModelOptions.Float32Prefill"/>), everything else on the main one.
/// Not thread-safe; one per request.
/// </summary>
internal sealed unsafe class DecoderState : IDisposable
{
    private readonly InferenceSession _session;
    private readonly InferenceSession? _promptSession;

    /// <summary>
    /// The shortest prompt chunk run on the prompt session. Float32 compute unpacks every weight block once per call, which
    /// pays off over many rows only: at int4 (smollm2 size, 1 thread) it was slower than int8 compute at 8 and 16 tokens
    /// (138 vs 229, 152 vs 283 tok/s) and faster from 32 on (335 vs 235; 510 vs 345 at 128). Shorter chunks (the rest of a
    /// prompt after a prefix-cache hit, most often) stay on the int8-compute session.
    /// </summary>
    internal const int PromptSessionMinTokens = 32;
    private readonly DecoderSignature _sig;
    private readonly int _batch;
    private readonly int _capacity;
    private readonly int _chunk;
    private readonly nint[][] _kv;
    private readonly byte[] _ids;
    private readonly byte[] _positions;
    private readonly byte[] _mask;
    private readonly bool[] _useCache = GC.AllocateArray<bool>(1, pinned: true);
    private readonly long[] _keepOne = GC.AllocateArray<long>(1, pinned: true);
    private readonly nint _logits;
    private readonly float[]? _rowScratch;
    private readonly string[] _inputNames;
    private readonly OrtValue[] _inputs;
    private readonly string[]? _lastOnlyInputNames;
    private readonly OrtValue[]? _lastOnlyInputs;
    private readonly string[] _outputNames;
    private readonly OrtValue[] _outputs;
    private readonly long[] _pastShape = new long[4];
    private readonly long[] _presentShape = new long[4];
    private readonly RunOptions _runOptions = new();
    private readonly RunTimer? _timer;
    private int _current;
    private int _rowsPerSequence;
    private bool _disposed;

    public DecoderState(InferenceSession session, DecoderSignature signature, int batch, int capacity, int chunk, RunTimer? timer = null, InferenceSession? promptSession = null)
    {
        _timer = timer;
        _session = session;
        _promptSession = promptSession;
        _sig = signature;
        _batch = batch;
        _capacity = capacity;
        _chunk = Math.Max(1, Math.Min(chunk, capacity));
        Layout = new KvLayout(signature.KvHeads, signature.HeadDim, DecoderSignature.ElementSize(signature.KvType));
        var kvBytes = (nuint)((long)batch * capacity * Layout.TokenBytesAllHeads);
        _kv = new nint[2][];
        for (var s = 0; s < (signature.SharedBuffer ? 1 : 2); s++)
        {
            _kv[s] = new nint[signature.PastNames.Length];
            for (var i = 0; i < _kv[s].Length; i++)
            {
                _kv[s][i] = (nint)NativeMemory.AlignedAlloc(Math.Max(kvBytes, 64), 64);
            }
        }

        if (signature.SharedBuffer)
        {
            _kv[1] = _kv[0];
        }

        _ids = GC.AllocateArray<byte>(batch * _chunk * DecoderSignature.ElementSize(signature.IdType), pinned: true);
        _positions = GC.AllocateArray<byte>(batch * _chunk * DecoderSignature.ElementSize(signature.PositionType), pinned: true);
        _mask = GC.AllocateArray<byte>(batch * capacity * DecoderSignature.ElementSize(signature.MaskType), pinned: true);
        FillOnes(_mask, signature.MaskType);
        var logitRows = signature.LogitsLastOnly ? batch : batch * _chunk;
        _logits = (nint)NativeMemory.AlignedAlloc((nuint)((long)logitRows * signature.VocabularySize * DecoderSignature.ElementSize(signature.LogitsType)), 64);
        _rowScratch = signature.LogitsType == TensorElementType.Float ? null : new float[signature.VocabularySize];

        var inNames = new List<string> { signature.InputIds };
        if (signature.AttentionMask is { } m)
        {
            inNames.Add(m);
        }

        if (signature.PositionIds is { } p)
        {
            inNames.Add(p);
        }

        if (signature.UseCacheBranch is { } u)
        {
            inNames.Add(u);
        }

        inNames.AddRange(signature.PastNames);
        _inputNames = [.. inNames];
        _inputs = new OrtValue[_inputNames.Length];
        if (signature.LogitsToKeep is { } keep)
        {
            _keepOne[0] = 1;
            _lastOnlyInputNames = [.. inNames, keep];
            _lastOnlyInputs = new OrtValue[_lastOnlyInputNames.Length];
        }

        _outputNames = [signature.Logits, .. signature.PresentNames];
        _outputs = new OrtValue[_outputNames.Length];
    }

    /// <summary>Tokens already in the cache (per sequence).</summary>
    public int PastLength { get; private set; }

    public int Capacity => _capacity;

    public int Chunk => _chunk;

    public int VocabularySize => _sig.VocabularySize;

    /// <summary>KV tensors (two per layer).</summary>
    public int TensorCount => _sig.PastNames.Length;

    /// <summary>How the KV tensors are addressed.</summary>
    public KvLayout Layout { get; }

    /// <summary>The sequence axis of the current KV buffers: the capacity with a shared buffer, else the tokens cached.</summary>
    public int Stride => _sig.SharedBuffer ? _capacity : PastLength;

    /// <summary>The current KV buffer of tensor <paramref name="tensor"/> (in <see cref="DecoderSignature.PastNames"/> order).</summary>
    public nint Kv(int tensor) => _kv[_current][tensor];

    /// <summary>
    /// Forgets the cached tokens from <paramref name="length"/> on (shared-buffer states only: the next forward pass
    /// overwrites them in place), so one state can try several continuations of the same prefix without copying it.
    /// </summary>
    public void Rewind(int length)
    {
        if (!_sig.SharedBuffer || length < 0 || length > PastLength)
        {
            throw new InvalidOperationException($"Only a shared-buffer state rewinds, and only to at most its {PastLength} cached tokens (asked {length}).");
        }

        PastLength = length;
    }

    /// <summary>Loads the first <paramref name="length"/> tokens of a cached prefix into this (empty, single-sequence) state.</summary>
    public void LoadPrefix(Batching.PrefixCacheEntry entry, int length)
    {
        if (_batch != 1 || PastLength != 0 || length > entry.Length || length > _capacity)
        {
            throw new ArgumentException("A prefix loads into an empty single-sequence state that can hold it.", nameof(entry));
        }

        var stride = _sig.SharedBuffer ? _capacity : length;
        for (var i = 0; i < _kv[_current].Length; i++)
        {
            Layout.Copy(entry.Tensor(i), entry.Length, 0, 0, _kv[_current][i], stride, 0, 0, length);
        }

        PastLength = length;
    }

    /// <summary>
    /// Runs <paramref name="count"/> new tokens per sequence (<paramref name="tokens"/> is [batch, count] row-major)
    /// on top of the cache. Afterwards <see cref="Row"/> gives the logits: of every new position, or with
    /// <paramref name="lastPositionOnly"/> of the last one alone where the graph can skip the others
    /// (<see cref="DecoderSignature.LogitsToKeep"/>; <see cref="RowsPerSequence"/> says which happened).
    /// </summary>
    public void Forward(ReadOnlySpan<int> tokens, int count, CancellationToken cancellationToken, bool lastPositionOnly = false)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (count < 1 || count > _chunk || tokens.Length != _batch * count)
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"count {count} must be in [1, {_chunk}] with {_batch * count} tokens.");
        }

        if (PastLength + count > _capacity)
        {
            throw new InvalidOperationException($"The KV cache holds {_capacity} tokens; {PastLength} + {count} do not fit.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var past = PastLength;
        var total = past + count;
        for (var i = 0; i < tokens.Length; i++)
        {
            WriteInt(_ids, _sig.IdType, i, tokens[i]);
            WriteInt(_positions, _sig.PositionType, i, past + (i % count));
        }

        var memory = OrtMemoryInfo.DefaultInstance;
        var k = 0;
        _inputs[k++] = Create(memory, _ids, _sig.IdType, [_batch, count]);
        if (_sig.AttentionMask is not null)
        {
            _inputs[k++] = Create(memory, _mask, _sig.MaskType, [_batch, total]);
        }

        if (_sig.PositionIds is not null)
        {
            _inputs[k++] = Create(memory, _positions, _sig.PositionType, [_batch, count]);
        }

        if (_sig.UseCacheBranch is not null)
        {
            _useCache[0] = past > 0;
            fixed (bool* b = _useCache)
            {
                _inputs[k++] = OrtValue.CreateTensorValueWithData(memory, TensorElementType.Bool, [1], (nint)b, 1);
            }
        }

        var elem = DecoderSignature.ElementSize(_sig.KvType);
        _pastShape[0] = _presentShape[0] = _batch;
        _pastShape[1] = _presentShape[1] = _sig.KvHeads;
        _pastShape[3] = _presentShape[3] = _sig.HeadDim;
        _pastShape[2] = _sig.SharedBuffer ? _capacity : past;
        _presentShape[2] = _sig.SharedBuffer ? _capacity : total;
        var pastBytes = (long)_batch * _sig.KvHeads * _pastShape[2] * _sig.HeadDim * elem;
        var presentBytes = (long)_batch * _sig.KvHeads * _presentShape[2] * _sig.HeadDim * elem;
        for (var i = 0; i < _sig.PastNames.Length; i++)
        {
            _inputs[k++] = OrtValue.CreateTensorValueWithData(memory, _sig.KvType, _pastShape, _kv[_current][i], pastBytes);
            _outputs[i + 1] = OrtValue.CreateTensorValueWithData(memory, _sig.KvType, _presentShape, _kv[1 - _current][i], presentBytes);
        }

        var inputs = _inputs;
        var inputNames = _inputNames;
        var keepLast = lastPositionOnly && _lastOnlyInputs is not null && count > 1;
        if (keepLast)
        {
            Array.Copy(_inputs, _lastOnlyInputs!, _inputs.Length);
            Array.Clear(_inputs);
            inputs = _lastOnlyInputs!;
            inputNames = _lastOnlyInputNames!;
            inputs[^1] = OrtValue.CreateTensorValueWithData(memory, TensorElementType.Int64, [], (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_keepOne)), sizeof(long));
        }

        _rowsPerSequence = _sig.LogitsLastOnly || keepLast ? 1 : count;
        long[] logitsShape = [_batch, _rowsPerSequence, _sig.VocabularySize];
        _outputs[0] = OrtValue.CreateTensorValueWithData(memory, _sig.LogitsType, logitsShape, _logits, (long)_batch * _rowsPerSequence * _sig.VocabularySize * DecoderSignature.ElementSize(_sig.LogitsType));
        try
        {
            using var registration = cancellationToken.Register(static o => ((RunOptions)o!).Terminate = true, _runOptions);
            var started = _timer is null ? 0 : System.Diagnostics.Stopwatch.GetTimestamp();
            var session = lastPositionOnly && count >= PromptSessionMinTokens && _promptSession is not null ? _promptSession : _session;
            session.Run(_runOptions, inputNames, inputs, _outputNames, _outputs);
            _timer?.Add(started);
        }
        catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        finally
        {
            DisposeValues(inputs);
        }

        _current = _sig.SharedBuffer ? 0 : 1 - _current;
        PastLength = total;
    }

    /// <summary>
    /// Logits of sequence <paramref name="sequence"/> at new position <paramref name="position"/> of the last forward pass
    /// (valid until the next call); when the pass produced one row per sequence (<see cref="RowsPerSequence"/> = 1), that
    /// row, the last position's.
    /// </summary>
    public ReadOnlySpan<float> Row(int sequence, int position)
    {
        var row = _rowsPerSequence == 1 ? sequence : (sequence * _rowsPerSequence) + position;
        var v = _sig.VocabularySize;
        if (_sig.LogitsType == TensorElementType.Float)
        {
            return new ReadOnlySpan<float>((float*)_logits + ((long)row * v), v);
        }

        var half = new ReadOnlySpan<Half>((Half*)_logits + ((long)row * v), v);
        for (var i = 0; i < v; i++)
        {
            _rowScratch![i] = (float)half[i];
        }

        return _rowScratch;
    }

    /// <summary>Rows per sequence that <see cref="Row"/> can address after the last pass.</summary>
    public int RowsPerSequence => _rowsPerSequence;

    /// <summary>Copies the cache of a single-sequence state into every sequence of this (batched) state.</summary>
    public void CopyPrefixFrom(DecoderState source)
    {
        if (source._batch != 1 || source.PastLength > _capacity)
        {
            throw new ArgumentException("The source must be a single sequence that fits this state.", nameof(source));
        }

        var stride = _sig.SharedBuffer ? _capacity : source.PastLength;
        for (var i = 0; i < _sig.PastNames.Length; i++)
        {
            for (var b = 0; b < _batch; b++)
            {
                Layout.Copy(source.Kv(i), source.Stride, 0, 0, _kv[_current][i], stride, b, 0, source.PastLength);
            }
        }

        PastLength = source.PastLength;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        for (var s = 0; s < (_sig.SharedBuffer ? 1 : 2); s++)
        {
            foreach (var p in _kv[s])
            {
                NativeMemory.AlignedFree((void*)p);
            }
        }

        NativeMemory.AlignedFree((void*)_logits);
        _runOptions.Dispose();
    }

    internal static OrtValue Create(OrtMemoryInfo memory, byte[] pinned, TensorElementType type, long[] shape)
    {
        var bytes = shape[0] * shape[1] * DecoderSignature.ElementSize(type);
        return OrtValue.CreateTensorValueWithData(memory, type, shape, (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(pinned)), bytes);
    }

    internal static void WriteInt(byte[] buffer, TensorElementType type, int index, long value)
    {
        if (type == TensorElementType.Int64)
        {
            MemoryMarshal.Cast<byte, long>(buffer.AsSpan())[index] = value;
        }
        else
        {
            MemoryMarshal.Cast<byte, int>(buffer.AsSpan())[index] = checked((int)value);
        }
    }

    private static void FillOnes(byte[] buffer, TensorElementType type)
    {
        if (type == TensorElementType.Int64)
        {
            MemoryMarshal.Cast<byte, long>(buffer.AsSpan()).Fill(1);
        }
        else
        {
            MemoryMarshal.Cast<byte, int>(buffer.AsSpan()).Fill(1);
        }
    }

    private void DisposeValues(OrtValue[] inputs)
    {
        for (var i = 0; i < inputs.Length; i++)
        {
            inputs[i]?.Dispose();
            inputs[i] = null!;
        }

        for (var i = 0; i < _outputs.Length; i++)
        {
            _outputs[i]?.Dispose();
            _outputs[i] = null!;
        }
    }
}
