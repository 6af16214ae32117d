using System.Globalization;
using System.Text.Json;
using HeteroAgents.Inference;
using HeteroAgents.Worker.Backends;
using HeteroAgents.Worker.Options;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Worker.Pipeline;

/// <summary>
/// A response's confidence in [0, 1]: the backend's own <see cref="ChatResponseProperties.Confidence"/> when present
/// (e.g. a normalized label probability); otherwise derived from token log-probabilities
/// (<see cref="ChatResponseProperties.MinTokenProbability"/>, or the geometric mean per <see cref="WorkerOptions.LogProbConfidence"/>);
/// otherwise null (unknown, never escalated for confidence).
/// </summary>
public sealed class ConfidenceEstimator(IOptions<WorkerOptions> options)
{
    /// <summary>The confidence of <paramref name="response"/>, or null when the backend gave nothing to derive it from.</summary>
    public double? Estimate(ChatResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var properties = response.AdditionalProperties;
        if (properties is null)
        {
            return null;
        }

        if (TryGetDouble(properties, ChatResponseProperties.Confidence, out var confidence))
        {
            return Clamp(confidence);
        }

        if (options.Value.LogProbConfidence == LogProbConfidence.MeanTokenProbability &&
            TryGetDouble(properties, ChatResponseProperties.SequenceLogProbability, out var sum))
        {
            var count = TryGetDouble(properties, WorkerChatResponseProperties.LogProbTokenCount, out var n) ? n : response.Usage?.OutputTokenCount ?? 0;
            if (count > 0)
            {
                return Clamp(Math.Exp(sum / count));
            }
        }

        return TryGetDouble(properties, ChatResponseProperties.MinTokenProbability, out var min) ? Clamp(min) : null;
    }

    private static double Clamp(double value) => double.IsNaN(value) ? 0 : Math.Clamp(value, 0, 1);

    private static bool TryGetDouble(AdditionalPropertiesDictionary properties, string key, out double value)
    {
        value = 0;
        if (!properties.TryGetValue(key, out var raw) || raw is null)
        {
            return false;
        }

        switch (raw)
        {
            case double d: value = d; return true;
            case float f: value = f; return true;
            case int i: value = i; return true;
            case long l: value = l; return true;
            case decimal m: value = (double)m; return true;
            case JsonElement { ValueKind: JsonValueKind.Number } e: value = e.GetDouble(); return true;
            case string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed): value = parsed; return true;
            default: return false;
        }
    }
}
