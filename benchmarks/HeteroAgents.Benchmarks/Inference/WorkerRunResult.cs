namespace HeteroAgents.Benchmarks.Inference;

/// <summary>One pass of <see cref="WorkerRun"/>: wall time, latency percentiles (ms) and outcome counts.</summary>
internal sealed record WorkerRunResult(TimeSpan Wall, double P50, double P95, string Summary);
