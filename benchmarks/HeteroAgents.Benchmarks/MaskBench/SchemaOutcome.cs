namespace HeteroAgents.Benchmarks.MaskBench;

/// <summary>The result of one dataset file.</summary>
internal sealed record SchemaOutcome(string File, string Status, string? Reason, double CompileUs, double FirstMaskUs, List<double> MaskUs);
