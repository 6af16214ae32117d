namespace HeteroAgents.Benchmarks.Inference;

/// <summary>
/// One measured single-stream generation: prompt and decode rates by wall clock and by this process's CPU time, and the
/// decode time per token inside ONNX Runtime's <c>Run</c> and outside it (the loop's own overhead).
/// </summary>
internal sealed record SingleStreamMeasurement(
    double PrefillRate,
    double DecodeRate,
    double PrefillCpuRate,
    double DecodeCpuRate,
    double RunMsPerToken,
    double OverheadMsPerToken,
    int DecodeSteps,
    TimeSpan Prefill);
