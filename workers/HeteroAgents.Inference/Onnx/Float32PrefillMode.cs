namespace HeteroAgents.Inference.Onnx;

/// <summary>
/// Whether a 4-bit model's prompt chunks run on a second session whose matrix products compute in float32
/// (<see cref="OnnxModelOptions.Float32Prefill"/>).
/// </summary>
public enum Float32PrefillMode
{
    /// <summary>
    /// Measured at load: the second session is kept only when a prompt chunk runs at least
    /// <see cref="PromptSessionProbe.RequiredSpeedup"/>× as fast on it. Which of the two compute paths wins depends on
    /// the CPU: float32 on the Intel Xeon (AVX-512) of the project's benchmarks, int8 on its AMD EPYC (Zen 4).
    /// </summary>
    Auto,

    /// <summary>Always load the second session (where the graph has 4-bit int8-compute products to switch).</summary>
    On,

    /// <summary>One session: prompt chunks compute like decode.</summary>
    Off,
}
