using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace HeteroAgents.Inference.Onnx;

/// <summary>
/// The running batch of continuous batching: up to <c>maxRows</c> sequences of different lengths decoded one token
/// each per forward pass. Every row is a KV slot in buffers [rows, kv_heads, stride, head_dim]; plain-attention
/// graphs keep rows left-padded (the attention mask hides the padding), GroupQueryAttention graphs right-padded (row
/// lengths come from the mask). Rows join with the KV of their prefilled prompt and leave in O(row) by moving the last
/// row into the hole. The buffers hold as many rows as have been in the batch at once since it was last empty (freed
/// then) and grow their sequence axis within the KV budget: rows × capacity × bytes per token stays within it whenever
/// the rows' own tokens fit (the scheduler admits rows by that rule). Used only by the scheduler thread.
/// </summary>
internal sealed unsafe class DecodeBatch : IDisposable
{
    private const int TrimSlack = 32;

    /// <summary>The attention mask's slot among the inputs (right after input_ids), where the graph has one.</summary>
    private const int MaskInput = 1;
    private readonly InferenceSession _session;
    private readonly DecoderSignature _sig;
    private readonly int _maxRows;
    private readonly int _maxCapacity;
    private readonly long _kvBudget;
    private readonly int[] _lengths;
    private readonly byte[] _ids;
    private readonly byte[] _positions;
    private readonly nint _logits;
    private readonly float[]? _rowScratch;
    private readonly string[] _inputNames;
    private readonly OrtValue[] _inputs;
    private readonly string[] _outputNames;
    private readonly OrtValue[] _outputs;
    private readonly bool[] _useCache = GC.AllocateArray<bool>(1, pinned: true);
    private readonly RunTimer? _timer;
    private readonly RunOptions _runOptions = new();
    private nint[][] _kv = [[], []];
    private byte[] _mask = [];
    private int _capacity;
    private int _allocatedRows;
    private int _current;
    private int _stride;
    private nint[]? _boundKv;
    private int _boundRows;
    private bool _disposed;

    public DecodeBatch(InferenceSession session, DecoderSignature signature, int maxRows, int maxCapacity, long kvBudgetBytes, RunTimer? timer)
    {
        _kvBudget = kvBudgetBytes > 0 ? kvBudgetBytes : long.MaxValue;
        _session = session;
        _sig = signature;
        _maxRows = maxRows;
        _maxCapacity = maxCapacity;
        _timer = timer;
        Layout = new KvLayout(signature.KvHeads, signature.HeadDim, DecoderSignature.ElementSize(signature.KvType));
        _lengths = new int[maxRows];
        _ids = GC.AllocateArray<byte>(maxRows * DecoderSignature.ElementSize(signature.IdType), pinned: true);
        _positions = GC.AllocateArray<byte>(maxRows * DecoderSignature.ElementSize(signature.PositionType), pinned: true);
        _logits = (nint)NativeMemory.AlignedAlloc((nuint)((long)maxRows * signature.VocabularySize * DecoderSignature.ElementSize(signature.LogitsType)), 64);
        _rowScratch = signature.LogitsType == TensorElementType.Float ? null : new float[signature.VocabularySize];
        List<string> inNames = [signature.InputIds];
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
        _outputNames = [signature.Logits, .. signature.PresentNames];
        _outputs = new OrtValue[_outputNames.Length];
    }

    public KvLayout Layout { get; }

    /// <summary>Rows in the batch.</summary>
    public int Count { get; private set; }

    public int MaxRows => _maxRows;

    /// <summary>Native bytes of the KV buffers allocated now.</summary>
    public long KvBytes => BytesFor(_allocatedRows, _capacity);

    /// <summary>Bytes of KV that <paramref name="rows"/> rows of <paramref name="tokens"/> tokens each need (both buffer sets).</summary>
    public long BytesFor(int rows, int tokens) => (long)rows * tokens * TokenBytes;

    /// <summary>KV bytes of one token of one row, all layers, both buffer sets.</summary>
    private long TokenBytes => (long)Layout.TokenBytesAllHeads * _sig.PastNames.Length * (_sig.SharedBuffer ? 1 : 2);

    /// <summary>Tokens in row <paramref name="row"/>'s cache.</summary>
    public int Length(int row) => _lengths[row];

    /// <summary>Adds a sequence whose prompt is in <paramref name="source"/> (a single-sequence state); returns its row.</summary>
    public int Add(DecoderState source)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Count == _maxRows)
        {
            throw new InvalidOperationException($"The batch is full ({_maxRows} rows).");
        }

        var length = source.PastLength;
        var stride = _sig.SharedBuffer ? _capacity : Math.Max(_stride, length);
        EnsureRoom(Math.Max(MaxLength(), length) + 1, stride, Count + 1);
        var row = Count++;
        _lengths[row] = length;
        var start = _sig.RightPadded ? 0 : _stride - length;
        for (var i = 0; i < _sig.PastNames.Length; i++)
        {
            Layout.Copy(source.Kv(i), source.Stride, 0, 0, _kv[_current][i], _stride, row, start, length);
            Layout.Clear(_kv[_current][i], _stride, row, 0, start);
        }

        return row;
    }

    /// <summary>Removes a row; the last row moves into its slot (callers mirror that move in their own row lists).</summary>
    public void Remove(int row)
    {
        var last = Count - 1;
        if (row != last)
        {
            var length = _lengths[last];
            var start = _sig.RightPadded ? 0 : _stride - length;
            for (var i = 0; i < _sig.PastNames.Length; i++)
            {
                Layout.Copy(_kv[_current][i], _stride, last, start, _kv[_current][i], _stride, row, start, length);
                Layout.Clear(_kv[_current][i], _stride, row, 0, start);
            }

            _lengths[row] = length;
        }

        Count = last;
        if (Count == 0)
        {
            // An empty batch gives its KV back: an idle worker holds none, and the next batch sizes its own.
            Free(_kv);
            _kv = [[], []];
            _capacity = 0;
            _allocatedRows = 0;
            _stride = 0;
            _current = 0;
        }
    }

    /// <summary>Runs one new token per row (<paramref name="tokens"/>[row]); afterwards <see cref="Row"/> gives each row's logits.</summary>
    public void Step(ReadOnlySpan<int> tokens)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var rows = Count;
        if (rows == 0 || tokens.Length != rows)
        {
            throw new ArgumentException($"One token per row ({rows}) is needed.", nameof(tokens));
        }

        var maxLength = MaxLength();
        if (_sig.SharedBuffer)
        {
            EnsureRoom(maxLength + 1, _capacity, rows);
        }
        else if (_stride + 1 > _capacity || _stride - maxLength >= TrimSlack)
        {
            EnsureRoom(maxLength + 1, maxLength, rows);
        }

        var width = _sig.SharedBuffer ? maxLength + 1 : _stride + 1;
        var maskElem = DecoderSignature.ElementSize(_sig.MaskType);
        var mask = _mask.AsSpan(0, rows * width * maskElem);
        mask.Clear();
        for (var r = 0; r < rows; r++)
        {
            DecoderState.WriteInt(_ids, _sig.IdType, r, tokens[r]);
            DecoderState.WriteInt(_positions, _sig.PositionType, r, _lengths[r]);
            var from = _sig.RightPadded ? 0 : width - 1 - _lengths[r];
            var to = _sig.RightPadded ? _lengths[r] + 1 : width;
            for (var j = from; j < to; j++)
            {
                DecoderState.WriteInt(_mask, _sig.MaskType, (r * width) + j, 1);
            }
        }

        // With a shared past/present buffer every shape but the mask's stays the same from step to step, so the other
        // values are made once per batch layout (rows, buffers) and reused: one native value per step instead of two per
        // layer and a few more.
        var next = _sig.SharedBuffer ? _current : 1 - _current;
        if (!_sig.SharedBuffer || _boundRows != rows || !ReferenceEquals(_boundKv, _kv[_current]))
        {
            ReleaseBindings();
            Bind(rows, next);
        }

        var memory = OrtMemoryInfo.DefaultInstance;
        if (_sig.AttentionMask is not null)
        {
            _inputs[MaskInput] = DecoderState.Create(memory, _mask, _sig.MaskType, [rows, width]);
        }

        try
        {
            var started = _timer is null ? 0 : System.Diagnostics.Stopwatch.GetTimestamp();
            _session.Run(_runOptions, _inputNames, _inputs, _outputNames, _outputs);
            _timer?.Add(started);
        }
        finally
        {
            if (_sig.AttentionMask is not null)
            {
                _inputs[MaskInput].Dispose();
                _inputs[MaskInput] = null!;
            }

            if (!_sig.SharedBuffer)
            {
                ReleaseBindings();
            }
        }

        _current = next;
        if (!_sig.SharedBuffer)
        {
            _stride++;
        }

        for (var r = 0; r < rows; r++)
        {
            _lengths[r]++;
        }
    }

    /// <summary>Logits of row <paramref name="row"/> after the last step (valid until the next call).</summary>
    public ReadOnlySpan<float> Row(int row)
    {
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

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Free(_kv);
        NativeMemory.AlignedFree((void*)_logits);
        _runOptions.Dispose();
    }

    /// <summary>Creates every input and output value of a step but the attention mask (slot <see cref="MaskInput"/>).</summary>
    private void Bind(int rows, int next)
    {
        var memory = OrtMemoryInfo.DefaultInstance;
        var k = 0;
        _inputs[k++] = DecoderState.Create(memory, _ids, _sig.IdType, [rows, 1]);
        if (_sig.AttentionMask is not null)
        {
            k++;
        }

        if (_sig.PositionIds is not null)
        {
            _inputs[k++] = DecoderState.Create(memory, _positions, _sig.PositionType, [rows, 1]);
        }

        if (_sig.UseCacheBranch is not null)
        {
            _useCache[0] = true;
            fixed (bool* b = _useCache)
            {
                _inputs[k++] = OrtValue.CreateTensorValueWithData(memory, TensorElementType.Bool, [1], (nint)b, 1);
            }
        }

        long[] pastShape = [rows, _sig.KvHeads, _sig.SharedBuffer ? _capacity : _stride, _sig.HeadDim];
        long[] presentShape = [rows, _sig.KvHeads, _sig.SharedBuffer ? _capacity : _stride + 1, _sig.HeadDim];
        var pastBytes = pastShape[0] * pastShape[2] * Layout.TokenBytesAllHeads;
        var presentBytes = presentShape[0] * presentShape[2] * Layout.TokenBytesAllHeads;
        for (var i = 0; i < _sig.PastNames.Length; i++)
        {
            _inputs[k++] = OrtValue.CreateTensorValueWithData(memory, _sig.KvType, pastShape, _kv[_current][i], pastBytes);
            _outputs[i + 1] = OrtValue.CreateTensorValueWithData(memory, _sig.KvType, presentShape, _kv[next][i], presentBytes);
        }

        _outputs[0] = OrtValue.CreateTensorValueWithData(memory, _sig.LogitsType, [rows, 1, _sig.VocabularySize], _logits, (long)rows * _sig.VocabularySize * DecoderSignature.ElementSize(_sig.LogitsType));
        _boundRows = rows;
        _boundKv = _kv[_current];
    }

    private void ReleaseBindings()
    {
        foreach (var v in _inputs)
        {
            v?.Dispose();
        }

        foreach (var v in _outputs)
        {
            v?.Dispose();
        }

        Array.Clear(_inputs);
        Array.Clear(_outputs);
        _boundRows = 0;
        _boundKv = null;
    }

    private int MaxLength()
    {
        var max = 0;
        for (var r = 0; r < Count; r++)
        {
            max = Math.Max(max, _lengths[r]);
        }

        return max;
    }

    /// <summary>
    /// Makes the buffers hold <paramref name="tokens"/> tokens per row and lays the rows out with sequence axis
    /// <paramref name="stride"/> (ignored with a shared buffer, whose axis is the capacity): grows the allocation when
    /// needed (by half again, at most the context window) and trims left padding no row needs.
    /// </summary>
    private void EnsureRoom(int tokens, int stride, int rows)
    {
        if (tokens > _maxCapacity)
        {
            throw new InvalidOperationException($"A sequence of {tokens} tokens exceeds the context window of {_maxCapacity}.");
        }

        var capacity = _capacity;
        var allocatedRows = Math.Max(rows, _allocatedRows);
        var needed = _sig.SharedBuffer ? tokens : Math.Max(tokens, stride + 1);
        if (needed > capacity || allocatedRows > _allocatedRows)
        {
            // Grow by half again (fewer copies), but not past what the KV budget allows for these rows.
            var grown = needed > capacity ? Math.Max(needed, (capacity * 3 / 2) + 64) : capacity;
            var budgeted = (int)Math.Min(int.MaxValue, _kvBudget / (allocatedRows * TokenBytes));
            capacity = Math.Min(_maxCapacity, Math.Max(needed, Math.Min(grown, budgeted)));
        }

        var newStride = _sig.SharedBuffer ? capacity : stride;
        var reallocate = capacity != _capacity || allocatedRows != _allocatedRows;
        if (!reallocate && newStride == _stride)
        {
            return;
        }

        var sets = _sig.SharedBuffer ? 1 : 2;
        var target = reallocate ? Allocate(allocatedRows, capacity, sets) : _kv;
        var into = reallocate ? 0 : 1 - _current;
        for (var r = 0; r < Count; r++)
        {
            var length = _lengths[r];
            var from = _sig.RightPadded ? 0 : _stride - length;
            var to = _sig.RightPadded ? 0 : newStride - length;
            for (var i = 0; i < _sig.PastNames.Length; i++)
            {
                Layout.Copy(_kv[_current][i], _stride, r, from, target[into][i], newStride, r, to, length);
                Layout.Clear(target[into][i], newStride, r, 0, to);
            }
        }

        if (reallocate)
        {
            Free(_kv);
            _kv = target;
            _capacity = capacity;
            _allocatedRows = allocatedRows;
            _mask = GC.AllocateArray<byte>(_maxRows * (capacity + 1) * DecoderSignature.ElementSize(_sig.MaskType), pinned: true);
        }

        _current = into;
        _stride = newStride;
    }

    private nint[][] Allocate(int rows, int capacity, int sets)
    {
        var bytes = (nuint)Math.Max(64, (long)rows * capacity * Layout.TokenBytesAllHeads);
        var kv = new nint[2][];
        for (var s = 0; s < sets; s++)
        {
            kv[s] = new nint[_sig.PastNames.Length];
            for (var i = 0; i < kv[s].Length; i++)
            {
                kv[s][i] = (nint)NativeMemory.AlignedAlloc(bytes, 64);
            }
        }

        if (sets == 1)
        {
            kv[1] = kv[0];
        }

        return kv;
    }

    private void Free(nint[][] kv)
    {
        ReleaseBindings();
        var sets = _sig.SharedBuffer || kv[1].Length == 0 ? 1 : 2;
        for (var s = 0; s < sets; s++)
        {
            foreach (var p in kv[s])
            {
                NativeMemory.AlignedFree((void*)p);
            }
        }
    }
}
