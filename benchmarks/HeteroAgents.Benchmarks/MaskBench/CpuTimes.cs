namespace HeteroAgents.Benchmarks.MaskBench;

/// <summary>Per-schema compile and mask times measured on the thread's CPU clock (<see cref="ThreadCpuClock"/>), in microseconds.</summary>
internal sealed record CpuTimes(double CompileUs, double FirstMaskUs, List<double> MaskUs);
