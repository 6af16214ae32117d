namespace HeteroAgents.Flywheel;

/// <summary>The durable, append-only log of frontier calls (conversion-loop step S1).</summary>
public interface IFrontierCallLog
{
    /// <summary>Appends one record. Safe to call concurrently.</summary>
    ValueTask AppendAsync(FrontierCallRecord record, CancellationToken cancellationToken = default);

    /// <summary>Reads every record in the log, oldest first.</summary>
    IAsyncEnumerable<FrontierCallRecord> ReadAllAsync(CancellationToken cancellationToken = default);
}
