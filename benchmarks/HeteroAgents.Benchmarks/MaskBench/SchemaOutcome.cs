namespace HeteroAgents.Benchmarks.MaskBench;

/// <summary>
/// The result of one dataset file. Times are wall-clock microseconds; <see cref="Cpu"/> holds the same measurements in
/// the measuring thread's CPU time (null where the clock is unavailable or in raw files written before it existed).
/// </summary>
internal sealed record SchemaOutcome(string File, string Status, string? Reason, double CompileUs, double FirstMaskUs, List<double> MaskUs)
{
    public CpuTimes? Cpu { get; init; }
}
