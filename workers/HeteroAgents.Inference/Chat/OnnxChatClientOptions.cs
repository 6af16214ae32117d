using System.ComponentModel.DataAnnotations;

namespace HeteroAgents.Inference.Chat;

/// <summary>Defaults of <see cref="OnnxChatClient"/> for requests that do not set them.</summary>
public sealed class OnnxChatClientOptions
{
    /// <summary>Output token limit when <c>ChatOptions.MaxOutputTokens</c> is not set.</summary>
    [Range(1, 1_000_000)]
    public int DefaultMaxOutputTokens { get; set; } = 512;

    /// <summary>Temperature when <c>ChatOptions.Temperature</c> is not set (0: greedy, deterministic).</summary>
    [Range(0.0, 10.0)]
    public float DefaultTemperature { get; set; }

    /// <summary>
    /// Answer a JSON-schema request whose valid results are a short fixed list (e.g. a classify task's label object) by
    /// scoring every result exactly after one prefill instead of generating token by token; the normalized probability
    /// of the chosen result is reported as the confidence.
    /// </summary>
    public bool ScoreEnumeratedResults { get; set; } = true;
}
