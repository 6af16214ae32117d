using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using HeteroAgents.Inference.Batching;
using HeteroAgents.Inference.Generation;
using HeteroAgents.Inference.Templates;
using LLama.Native;

namespace HeteroAgents.Inference.LlamaSharp;

/// <summary>
/// Generation on llama.cpp with the project's own loop: one scheduler thread builds a single llama.cpp batch per step
/// from prompt chunks of joining requests and the last token of every running sequence (each in its own KV sequence
/// id), decodes it, and picks every sequence's next token from its logits with the project's sampler, JSON-schema
/// constraint, stop tokens and stop sequences — so confidence (log-probabilities) and candidate scoring come from
/// llama.cpp's logits exactly as on ONNX Runtime. Thread-safe.
/// </summary>
public sealed class LlamaTextGenerator : ITextGenerator, IDisposable
{
    private readonly LlamaSharpModel _model;
    private readonly ConcurrentQueue<SchedulerJob> _incoming = new();
    private readonly SemaphoreSlim _signal = new(0);
    private readonly List<(SchedulerJob Job, int Slot)> _prefilling = [];
    private readonly List<(GenerationJob Job, int Slot)> _rows = [];
    private readonly List<SchedulerJob> _waiting = [];
    private readonly Stack<int> _freeSlots;
    private readonly Lock _startLock = new();
    private Thread? _thread;
    private volatile bool _stopping;

    internal LlamaTextGenerator(LlamaSharpModel model)
    {
        _model = model;
        _freeSlots = new Stack<int>(Enumerable.Range(0, model.Sequences).Reverse());
    }

    /// <inheritdoc/>
    public string ModelId => _model.ModelId;

    /// <inheritdoc/>
    public IReadOnlyList<int> EncodeChat(IReadOnlyList<ChatTurn> messages) => _model.EncodeChat(messages);

    /// <inheritdoc/>
    public IReadOnlyList<int> EncodeContent(string text) => _model.EncodeContent(text);

    /// <inheritdoc/>
    public async IAsyncEnumerable<GenerationStep> StreamAsync(IReadOnlyList<int> promptIds, GenerationOptions options, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(promptIds);
        options.Validate();
        var decoder = new SequenceDecoder(_model.StopTokenIds, _model.VocabularySize, _model.ContextWindow - promptIds.Count, new IncrementalDetokenizer(_model.Decode), options);
        var job = new GenerationJob([.. promptIds], decoder, cancellationToken);
        Submit(job);
        try
        {
            await foreach (var step in job.Steps.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return step;
            }
        }
        finally
        {
            job.Abandon();
        }
    }

    /// <inheritdoc/>
    public async Task<GenerationResult> GenerateAsync(IReadOnlyList<int> promptIds, GenerationOptions options, CancellationToken cancellationToken = default)
    {
        var steps = new List<GenerationStep>();
        var text = new StringBuilder();
        await foreach (var step in StreamAsync(promptIds, options, cancellationToken).ConfigureAwait(false))
        {
            steps.Add(step);
            text.Append(step.TextDelta);
        }

        return new GenerationResult { Text = text.ToString(), Tokens = steps, FinishReason = steps[^1].FinishReason!.Value, PromptTokenCount = promptIds.Count };
    }

    /// <inheritdoc/>
    public Task<CandidateScores> ScoreCandidatesAsync(IReadOnlyList<int> promptIds, IReadOnlyList<IReadOnlyList<int>> candidates, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        Validate(promptIds);
        if (candidates.Count == 0 || candidates.Any(c => c is null || c.Count == 0))
        {
            throw new ArgumentException("Every candidate needs at least one token.", nameof(candidates));
        }

        if (promptIds.Count + candidates.Max(c => c.Count) > _model.ContextWindow)
        {
            throw new ContextWindowExceededException(promptIds.Count + candidates.Max(c => c.Count), _model.ContextWindow);
        }

        var job = new ScoringJob([.. promptIds], candidates, cancellationToken);
        Submit(job);
        return job.Result;
    }

    /// <summary>Stops the scheduler; queued and running requests fail with <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        _stopping = true;
        _signal.Release();
        _thread?.Join();
        _signal.Dispose();
    }

    private void Validate(IReadOnlyList<int> promptIds)
    {
        ArgumentNullException.ThrowIfNull(promptIds);
        if (promptIds.Count == 0)
        {
            throw new ArgumentException("The prompt has no tokens.", nameof(promptIds));
        }

        if (promptIds.Count >= _model.ContextWindow)
        {
            throw new ContextWindowExceededException(promptIds.Count, _model.ContextWindow);
        }

        if (promptIds.Any(t => (uint)t >= (uint)_model.VocabularySize))
        {
            throw new ArgumentOutOfRangeException(nameof(promptIds), $"A prompt token id is outside the model's vocabulary of {_model.VocabularySize}.");
        }
    }

    private void Submit(SchedulerJob job)
    {
        ObjectDisposedException.ThrowIf(_stopping, this);
        lock (_startLock)
        {
            _thread ??= StartThread();
        }

        job.Cancellation.UnsafeRegister(static s => ((LlamaTextGenerator)s!).Wake(), this);
        _incoming.Enqueue(job);
        Wake();
    }

    private Thread StartThread()
    {
        var thread = new Thread(Loop) { IsBackground = true, Name = "hetero-llama-batch" };
        thread.Start();
        return thread;
    }

    private void Wake()
    {
        try
        {
            _signal.Release();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private void Loop()
    {
        var batch = new LLamaBatch();
        var memory = _model.Context.NativeHandle;
        while (!_stopping)
        {
            while (_incoming.TryDequeue(out var queued))
            {
                _waiting.Add(queued);
            }

            DropCancelled(memory);
            while (_waiting.Count > 0 && _freeSlots.Count > 0)
            {
                _prefilling.Add((_waiting[0], _freeSlots.Pop()));
                _waiting.RemoveAt(0);
            }

            if (_prefilling.Count == 0 && _rows.Count == 0)
            {
                _signal.Wait();
                continue;
            }

            Step(batch, memory);
        }

        var closed = new ObjectDisposedException(nameof(LlamaSharpModel), "The model was disposed.");
        foreach (var job in _waiting.Concat(_prefilling.Select(p => p.Job)).Concat(_rows.Select(r => r.Job)).Concat(_incoming))
        {
            job.Fail(closed);
            job.Dispose();
        }
    }

    /// <summary>One llama.cpp decode: every running sequence's last token, then prompt chunks while the batch has room.</summary>
    private void Step(LLamaBatch batch, SafeLLamaContextHandle memory)
    {
        batch.Clear();
        var rowIndex = new int[_rows.Count];
        for (var r = 0; r < _rows.Count; r++)
        {
            var (job, slot) = _rows[r];
            rowIndex[r] = batch.Add(job.Decoder.LastToken, job.Prompt.Length + job.Prefilled, (LLamaSeqId)slot, true);
            job.Prefilled++;
        }

        var finishing = new List<(SchedulerJob Job, int Slot, int Index)>();
        foreach (var (job, slot) in _prefilling)
        {
            var room = _model.BatchTokens - batch.TokenCount;
            if (room <= 0)
            {
                break;
            }

            // For a prefilling job, Matched counts the prompt tokens already sent to llama.cpp.
            var n = Math.Min(room, job.Prompt.Length - job.Matched);
            var last = -1;
            for (var i = 0; i < n; i++)
            {
                var pos = job.Matched + i;
                last = batch.Add(job.Prompt[pos], pos, (LLamaSeqId)slot, pos == job.Prompt.Length - 1);
            }

            job.Matched += n;
            if (job.Matched == job.Prompt.Length)
            {
                finishing.Add((job, slot, last));
            }
        }

        var result = _model.Context.NativeHandle.Decode(batch);
        if (result != DecodeResult.Ok)
        {
            var error = new InvalidOperationException($"llama.cpp decode failed: {result}.");
            foreach (var (job, slot) in _rows.Select(r => ((SchedulerJob)r.Job, r.Slot)).Concat(_prefilling))
            {
                memory.MemorySequenceRemove((LLamaSeqId)slot, -1, -1);
                job.Fail(error);
                job.Dispose();
            }

            ReleaseAllSlots();
            return;
        }

        for (var r = _rows.Count - 1; r >= 0; r--)
        {
            var (job, slot) = _rows[r];
            if (Advance(job, memory.GetLogitsIth(rowIndex[r])))
            {
                _rows.RemoveAt(r);
                Release(memory, job, slot);
            }
        }

        foreach (var (job, slot, index) in finishing)
        {
            _prefilling.Remove((job, slot));
            if (job is ScoringJob scoring)
            {
                try
                {
                    scoring.Complete(ScoreCandidates(memory, scoring, slot, memory.GetLogitsIth(index)));
                }
                catch (Exception ex)
                {
                    scoring.Fail(ex);
                }

                Release(memory, scoring, slot);
                continue;
            }

            var generation = (GenerationJob)job;
            generation.Prefilled = 0;
            if (Advance(generation, memory.GetLogitsIth(index)))
            {
                Release(memory, generation, slot);
            }
            else
            {
                _rows.Add((generation, slot));
            }
        }
    }

    private static bool Advance(GenerationJob job, ReadOnlySpan<float> logits)
    {
        try
        {
            return job.Advance(logits);
        }
        catch (Exception ex)
        {
            job.Fail(ex);
            return true;
        }
    }

    /// <summary>Exact candidate log-probabilities: each candidate runs in the prompt's sequence, then is rolled back.</summary>
    private CandidateScores ScoreCandidates(SafeLLamaContextHandle memory, ScoringJob job, int slot, ReadOnlySpan<float> first)
    {
        var promptLength = job.Prompt.Length;
        var firstLogSum = CandidateScorer.LogSumExp(first);
        var logProbs = job.Candidates.Select(c => new double[c.Count]).ToArray();
        for (var c = 0; c < logProbs.Length; c++)
        {
            logProbs[c][0] = first[job.Candidates[c][0]] - firstLogSum;
        }

        var batch = new LLamaBatch();
        for (var c = 0; c < job.Candidates.Count; c++)
        {
            job.Cancellation.ThrowIfCancellationRequested();
            var candidate = job.Candidates[c];
            if (candidate.Count == 1)
            {
                continue;
            }

            batch.Clear();
            var indexes = new int[candidate.Count - 1];
            for (var j = 0; j < candidate.Count - 1; j++)
            {
                indexes[j] = batch.Add(candidate[j], promptLength + j, (LLamaSeqId)slot, true);
            }

            var result = memory.Decode(batch);
            if (result != DecodeResult.Ok)
            {
                throw new InvalidOperationException($"llama.cpp decode failed while scoring: {result}.");
            }

            for (var j = 0; j < indexes.Length; j++)
            {
                var row = memory.GetLogitsIth(indexes[j]);
                logProbs[c][j + 1] = row[candidate[j + 1]] - CandidateScorer.LogSumExp(row);
            }

            memory.MemorySequenceRemove((LLamaSeqId)slot, promptLength, -1);
        }

        return CandidateScores.FromTokenLogProbabilities(logProbs);
    }

    private void DropCancelled(SafeLLamaContextHandle memory)
    {
        for (var r = _rows.Count - 1; r >= 0; r--)
        {
            var (job, slot) = _rows[r];
            if (job.Cancellation.IsCancellationRequested)
            {
                _rows.RemoveAt(r);
                job.Fail(new OperationCanceledException(job.Cancellation));
                Release(memory, job, slot);
            }
        }

        for (var i = _prefilling.Count - 1; i >= 0; i--)
        {
            var (job, slot) = _prefilling[i];
            if (job.Cancellation.IsCancellationRequested)
            {
                _prefilling.RemoveAt(i);
                job.Fail(new OperationCanceledException(job.Cancellation));
                Release(memory, job, slot);
            }
        }

        for (var i = _waiting.Count - 1; i >= 0; i--)
        {
            if (_waiting[i].Cancellation.IsCancellationRequested)
            {
                var job = _waiting[i];
                _waiting.RemoveAt(i);
                job.Fail(new OperationCanceledException(job.Cancellation));
                job.Dispose();
            }
        }
    }

    private void Release(SafeLLamaContextHandle memory, SchedulerJob job, int slot)
    {
        memory.MemorySequenceRemove((LLamaSeqId)slot, -1, -1);
        _freeSlots.Push(slot);
        job.Dispose();
    }

    private void ReleaseAllSlots()
    {
        _rows.Clear();
        _prefilling.Clear();
        _freeSlots.Clear();
        for (var s = _model.Sequences - 1; s >= 0; s--)
        {
            _freeSlots.Push(s);
        }
    }
}
