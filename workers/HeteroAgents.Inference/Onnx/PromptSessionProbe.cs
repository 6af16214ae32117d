using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.OnnxRuntime;

namespace HeteroAgents.Inference.Onnx;

/// <summary>
/// What <see cref="Float32PrefillMode.Auto"/> measured at load: one prompt chunk of <see cref="Tokens"/> tokens on the
/// int8-compute session (the model as written) and on the float32-compute prompt session, each warmed up once and then
/// timed <see cref="Rounds"/> times in alternation; the fastest run of each counts (the least disturbed by other work on
/// the machine).
/// </summary>
/// <param name="Tokens">Prompt tokens in the timed chunk.</param>
/// <param name="Int8Compute">Fastest run on the int8-compute session.</param>
/// <param name="Float32Compute">Fastest run on the float32-compute session.</param>
public sealed record PromptSessionProbe(int Tokens, TimeSpan Int8Compute, TimeSpan Float32Compute)
{
    /// <summary>
    /// How much faster the float32-compute session must be to be kept: it holds a second copy of the model, so a tie
    /// (or a gain within the machine's noise) is not worth the memory.
    /// </summary>
    public const double RequiredSpeedup = 1.1;

    /// <summary>Timed runs per session after the warm-up.</summary>
    public const int Rounds = 3;

    /// <summary>The chunk the probe times (at most; a smaller prefill chunk setting caps it).</summary>
    internal const int ProbeTokens = 64;

    /// <summary>Int8-compute time over float32-compute time (above 1: the prompt session is faster).</summary>
    public double Speedup => Int8Compute / Float32Compute;

    /// <summary>Whether the prompt session is at least <see cref="RequiredSpeedup"/>× as fast, and so kept.</summary>
    public bool KeepsPromptSession => Speedup >= RequiredSpeedup;

    /// <summary>The measurement in words, for the worker's log and the benchmarks.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Tokens}-token chunk in {Int8Compute.TotalMilliseconds:F1} ms with int8 compute, {Float32Compute.TotalMilliseconds:F1} ms with float32 compute ({Speedup:F2}x; the float32 session is kept from {RequiredSpeedup:F1}x)");

    /// <summary>Times a chunk of <paramref name="tokens"/> prompt tokens on both sessions.</summary>
    internal static PromptSessionProbe Measure(InferenceSession session, InferenceSession promptSession, DecoderSignature signature, int tokens)
    {
        var ids = new int[tokens];
        for (var i = 0; i < ids.Length; i++)
        {
            // Spread over the vocabulary; which ids does not matter for the time of a forward pass.
            ids[i] = (int)((11L + (i * 7919L)) % signature.VocabularySize);
        }

        Run(session, null, signature, ids);
        Run(session, promptSession, signature, ids);
        var int8 = TimeSpan.MaxValue;
        var float32 = TimeSpan.MaxValue;
        for (var round = 0; round < Rounds; round++)
        {
            int8 = Min(int8, Run(session, null, signature, ids));
            float32 = Min(float32, Run(session, promptSession, signature, ids));
        }

        return new PromptSessionProbe(tokens, int8, float32);
    }

    private static TimeSpan Run(InferenceSession session, InferenceSession? promptSession, DecoderSignature signature, int[] ids)
    {
        using var state = new DecoderState(session, signature, 1, ids.Length, ids.Length, promptSession: promptSession);
        var started = Stopwatch.GetTimestamp();
        state.Forward(ids, ids.Length, CancellationToken.None, lastPositionOnly: true);
        return Stopwatch.GetElapsedTime(started);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
