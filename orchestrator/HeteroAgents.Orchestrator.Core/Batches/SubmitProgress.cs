namespace HeteroAgents.Orchestrator.Batches;

/// <summary>Live counters of a running submission (thread-safe reads).</summary>
public sealed class SubmitProgress
{
    private long _lines;
    private long _sent;
    private long _rejected;

    /// <summary>Task lines read so far.</summary>
    public long Lines => Interlocked.Read(ref _lines);

    /// <summary>Tasks handed to the transport so far.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Lines failed at submission (bad input, duplicate custom_id).</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Whether every line has been read.</summary>
    public bool IsComplete { get; private set; }

    internal void AddLine() => Interlocked.Increment(ref _lines);

    internal void AddSent() => Interlocked.Increment(ref _sent);

    internal void AddRejected() => Interlocked.Increment(ref _rejected);

    internal void Complete() => IsComplete = true;
}
