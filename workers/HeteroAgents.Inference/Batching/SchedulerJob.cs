using HeteroAgents.Inference.Onnx;

namespace HeteroAgents.Inference.Batching;

/// <summary>
/// A request queued on the <see cref="BatchScheduler"/>: its prompt is prefilled chunk by chunk (after whatever the
/// prefix cache supplies), then the job continues as a generating batch row or a candidate-scoring pass.
/// </summary>
internal abstract class SchedulerJob : IDisposable
{
    private readonly CancellationTokenSource _cancellation;

    protected SchedulerJob(int[] prompt, int reserveTokens, CancellationToken cancellationToken)
    {
        Prompt = prompt;
        ReserveTokens = reserveTokens;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    }

    public int[] Prompt { get; }

    /// <summary>KV tokens this job may need (prompt plus output) when it joins the batch.</summary>
    public int ReserveTokens { get; }

    public CancellationToken Cancellation => _cancellation.Token;

    /// <summary>The prompt's cache while it is being prefilled.</summary>
    public DecoderState? State { get; set; }

    /// <summary>Prompt tokens already in <see cref="State"/>.</summary>
    public int Prefilled { get; set; }

    /// <summary>Longest prefix the prefix cache shared with the prompt.</summary>
    public int Matched { get; set; }

    /// <summary>Stops the job (the caller stopped reading, or cancelled).</summary>
    public void Abandon()
    {
        try
        {
            _cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <summary>Ends the job with an error (or cancellation).</summary>
    public abstract void Fail(Exception error);

    public void ReleaseState()
    {
        State?.Dispose();
        State = null;
    }

    public virtual void Dispose()
    {
        ReleaseState();
        _cancellation.Dispose();
    }
}
