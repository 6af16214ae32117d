namespace HeteroAgents.Orchestrator.Batches;

/// <summary>Live counters of a running submission (thread-safe reads).</summary>
public sealed class SubmitProgress
{
    private long _lines;
    private long _sent;
    private long _rejected;
    private long _bytesRead;

    /// <summary>Task lines read so far.</summary>
    public long Lines => Interlocked.Read(ref _lines);

    /// <summary>Tasks handed to the transport so far.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Lines failed at submission (bad input, duplicate custom_id).</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>The input file's size in bytes (known before reading).</summary>
    public long TotalBytes { get; internal set; }

    /// <summary>Input bytes read so far (line terminators counted as one byte).</summary>
    public long BytesRead => Interlocked.Read(ref _bytesRead);

    /// <summary>
    /// The number of task lines the file holds: exact once every line has been read, until then the lines read so far
    /// scaled by the share of the file's bytes they took — the file is read once, with no counting pass.
    /// </summary>
    public long EstimatedLines
    {
        get
        {
            var lines = Lines;
            var read = BytesRead;
            return IsComplete || read == 0 || read >= TotalBytes ? lines : (long)Math.Ceiling(lines * (double)TotalBytes / read);
        }
    }

    /// <summary>Whether every line has been read.</summary>
    public bool IsComplete { get; private set; }

    internal void AddLine() => Interlocked.Increment(ref _lines);

    internal void AddBytes(long bytes) => Interlocked.Add(ref _bytesRead, bytes);

    internal void AddSent() => Interlocked.Increment(ref _sent);

    internal void AddRejected() => Interlocked.Increment(ref _rejected);

    internal void Complete() => IsComplete = true;
}
