using System.Collections.Concurrent;
using System.Threading.Channels;
using HeteroAgents.Inference.Generation;
using HeteroAgents.Inference.Onnx;

namespace HeteroAgents.Inference.Batching;

/// <summary>
/// Continuous batching for one model: a single scheduler thread owns every forward pass. Each iteration it admits
/// queued requests (up to the batch size and within the KV budget), runs one prefill chunk of the oldest request still
/// prefilling (after the prefix cache's share of its prompt), and one decode step for every sequence in the running
/// batch; a request whose prompt is done joins the batch at the next step, a finished or cancelled one leaves it.
/// Candidate scoring runs on the same thread right after its prompt's prefill.
/// </summary>
internal sealed class BatchScheduler : IDisposable
{
    private readonly OnnxLanguageModel _model;
    private readonly ConcurrentQueue<SchedulerJob> _incoming = new();
    private readonly SemaphoreSlim _signal = new(0);
    private readonly List<SchedulerJob> _waiting = [];
    private readonly List<SchedulerJob> _prefilling = [];
    private readonly List<GenerationJob> _rows = [];
    private readonly DecodeBatch _batch;
    private readonly PrefixCache _cache;
    private readonly long _kvBudget;
    private readonly int[] _tokens;
    private readonly Lock _startLock = new();
    private Thread? _thread;
    private volatile bool _stopping;
    private long _steps;
    private long _rowSteps;
    private long _peakKvBytes;
    private long _kvBytes;

    public BatchScheduler(OnnxLanguageModel model, int maxBatch, long kvBudgetBytes, long prefixCacheBytes)
    {
        _model = model;
        _batch = model.CreateBatch(maxBatch, kvBudgetBytes);
        _cache = new PrefixCache(prefixCacheBytes);
        _kvBudget = kvBudgetBytes;
        _tokens = new int[maxBatch];
    }

    public PrefixCacheStatistics PrefixCache => _cache.Statistics;

    public BatchStatistics Statistics => new(Interlocked.Read(ref _steps), Interlocked.Read(ref _rowSteps), Interlocked.Read(ref _peakKvBytes), _kvBudget, _batch.MaxRows, Interlocked.Read(ref _kvBytes));

    public ChannelReader<GenerationStep> Generate(int[] prompt, GenerationOptions options, CancellationToken cancellationToken, out SchedulerJob job)
    {
        var g = new GenerationJob(prompt, new SequenceDecoder(_model, prompt.Length, options), cancellationToken);
        job = g;
        Submit(g);
        return g.Steps;
    }

    public Task<CandidateScores> Score(int[] prompt, IReadOnlyList<IReadOnlyList<int>> candidates, CancellationToken cancellationToken)
    {
        var job = new ScoringJob(prompt, candidates, cancellationToken);
        Submit(job);
        return job.Result;
    }

    public void Dispose()
    {
        _stopping = true;
        _signal.Release();
        _thread?.Join();
        _batch.Dispose();
        _cache.Dispose();
        _signal.Dispose();
    }

    private void Submit(SchedulerJob job)
    {
        ObjectDisposedException.ThrowIf(_stopping, this);
        lock (_startLock)
        {
            _thread ??= StartThread();
        }

        job.Cancellation.UnsafeRegister(static s => ((BatchScheduler)s!).Wake(), this);
        _incoming.Enqueue(job);
        Wake();
    }

    private Thread StartThread()
    {
        var thread = new Thread(Loop) { IsBackground = true, Name = "hetero-slm-batch" };
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
        while (!_stopping)
        {
            while (_incoming.TryDequeue(out var queued))
            {
                _waiting.Add(queued);
            }

            DropCancelled();
            Admit();
            var worked = false;
            if (_prefilling.Count > 0)
            {
                PrefillChunk(_prefilling[0]);
                worked = true;
            }

            if (_batch.Count > 0)
            {
                Decode();
                worked = true;
            }

            if (!worked)
            {
                _signal.Wait();
            }
        }

        var closed = new ObjectDisposedException(nameof(OnnxLanguageModel), "The model was disposed.");
        foreach (var job in _waiting.Concat(_prefilling).Concat(_rows).Concat(_incoming))
        {
            job.Fail(closed);
            job.Dispose();
        }
    }

    private void Admit()
    {
        while (_waiting.Count > 0 && _rows.Count + _prefilling.Count < _batch.MaxRows)
        {
            var job = _waiting[0];
            if (job is GenerationJob && _rows.Count + _prefilling.Count > 0)
            {
                var generating = _prefilling.OfType<GenerationJob>().Cast<SchedulerJob>().Concat(_rows).ToList();
                var reserve = generating.Select(j => j.ReserveTokens).Append(job.ReserveTokens).Max();
                if (_batch.BytesFor(generating.Count + 1, reserve) > _kvBudget)
                {
                    return;
                }
            }

            _waiting.RemoveAt(0);
            _prefilling.Add(job);
        }
    }

    private void DropCancelled()
    {
        for (var r = _rows.Count - 1; r >= 0; r--)
        {
            if (_rows[r].Cancellation.IsCancellationRequested)
            {
                var job = _rows[r];
                RemoveRow(r);
                End(job, new OperationCanceledException(job.Cancellation));
            }
        }

        foreach (var list in (List<SchedulerJob>[])[_waiting, _prefilling])
        {
            for (var i = list.Count - 1; i >= 0; i--)
            {
                if (list[i].Cancellation.IsCancellationRequested)
                {
                    var job = list[i];
                    list.RemoveAt(i);
                    End(job, new OperationCanceledException(job.Cancellation));
                }
            }
        }
    }

    private void PrefillChunk(SchedulerJob job)
    {
        try
        {
            if (job.State is null)
            {
                var (entry, matched) = _cache.Lookup(job.Prompt);
                job.Matched = matched;
                // A scoring job's candidates run on this state after the prompt (CandidateScorer), so it holds them too.
                var room = job is ScoringJob scores ? CandidateScorer.PositionsAfterPrompt(scores.Candidates) : 0;
                job.State = _model.CreateState(1, job.Prompt.Length + room);
                if (entry is not null)
                {
                    job.State.LoadPrefix(entry, matched);
                    job.Prefilled = matched;
                }
            }

            var n = Math.Min(job.State.Chunk, job.Prompt.Length - job.Prefilled);
            // Only the prompt's last position needs logits (the first token, or the first candidate token's log-probability).
            job.State.Forward(job.Prompt.AsSpan(job.Prefilled, n), n, job.Cancellation, lastPositionOnly: true);
            job.Prefilled += n;
            if (job.Prefilled < job.Prompt.Length)
            {
                return;
            }

            _prefilling.Remove(job);
            _cache.Offer(job.Prompt, job.Matched, job.State);
            if (job is ScoringJob scoring)
            {
                scoring.Complete(CandidateScorer.ScorePrefilled(_model, scoring.State!, scoring.Candidates, scoring.Cancellation));
                scoring.Dispose();
                return;
            }

            var generation = (GenerationJob)job;
            var state = generation.State!;
            if (generation.Advance(state.Row(0, state.RowsPerSequence - 1)))
            {
                generation.Dispose();
                return;
            }

            _batch.Add(state);
            _rows.Add(generation);
            generation.ReleaseState();
        }
        catch (Exception ex)
        {
            _prefilling.Remove(job);
            End(job, ex is OperationCanceledException && job.Cancellation.IsCancellationRequested ? new OperationCanceledException(job.Cancellation) : ex);
        }
    }

    private void Decode()
    {
        var count = _batch.Count;
        for (var r = 0; r < count; r++)
        {
            _tokens[r] = _rows[r].Decoder.LastToken;
        }

        try
        {
            _batch.Step(_tokens.AsSpan(0, count));
        }
        catch (Exception ex)
        {
            for (var r = count - 1; r >= 0; r--)
            {
                var job = _rows[r];
                RemoveRow(r);
                End(job, ex);
            }

            return;
        }

        Interlocked.Increment(ref _steps);
        Interlocked.Add(ref _rowSteps, count);
        var active = _batch.KvBytes;
        Interlocked.Exchange(ref _kvBytes, active);
        if (active > Interlocked.Read(ref _peakKvBytes))
        {
            Interlocked.Exchange(ref _peakKvBytes, active);
        }

        for (var r = count - 1; r >= 0; r--)
        {
            var job = _rows[r];
            bool done;
            try
            {
                done = job.Advance(_batch.Row(r));
            }
            catch (Exception ex)
            {
                job.Fail(ex);
                done = true;
            }

            if (done)
            {
                RemoveRow(r);
                job.Dispose();
            }
        }
    }

    private void RemoveRow(int row)
    {
        _batch.Remove(row);
        Interlocked.Exchange(ref _kvBytes, _batch.KvBytes);
        _rows[row] = _rows[^1];
        _rows.RemoveAt(_rows.Count - 1);
    }

    private static void End(SchedulerJob job, Exception error)
    {
        job.Fail(error);
        job.Dispose();
    }
}
