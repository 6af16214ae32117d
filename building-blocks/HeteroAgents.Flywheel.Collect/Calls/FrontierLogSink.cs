namespace HeteroAgents.Flywheel;

/// <summary>Where the frontier call log is kept.</summary>
public enum FrontierLogSink
{
    /// <summary>Append-only JSONL files under a data directory, one per UTC day.</summary>
    Jsonl,

    /// <summary>A Redis stream (XADD), optionally capped.</summary>
    Redis,
}
