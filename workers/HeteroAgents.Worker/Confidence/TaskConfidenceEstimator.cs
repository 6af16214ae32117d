using System.Text.Json;
using HeteroAgents.Contracts;
using HeteroAgents.Inference;
using HeteroAgents.Worker.Options;
using HeteroAgents.Worker.Pipeline;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Worker.Confidence;

/// <summary>
/// A task's confidence, by task type. Classify: the probability the model itself gave the label's tokens — from exact
/// candidate scoring (<see cref="ChatResponseProperties.LabelProbability"/>) or from the generated tokens — else the
/// backend's own confidence (e.g. a label probability normalized over the labels).
/// Extract and tool call: a confidence per value — string, number, boolean, the tool's name — from the probabilities
/// of the tokens that wrote it (the weakest token, or their geometric mean with
/// <see cref="WorkerOptions.LogProbConfidence"/> = <c>MeanTokenProbability</c>); the task's is its weakest value's.
/// Summarize: the summary's faithfulness to its source (<see cref="SummaryGrounding"/>). When the tokens cannot be
/// placed on the answer, the response-wide figure of <see cref="ConfidenceEstimator"/>; with no probabilities at all,
/// unknown.
/// </summary>
public sealed class TaskConfidenceEstimator(ConfidenceEstimator responseConfidence, IOptions<WorkerOptions> options)
{
    /// <summary>Estimates the confidence of <paramref name="response"/> to <paramref name="task"/>.</summary>
    /// <param name="task">The task.</param>
    /// <param name="response">The model's response (its additional properties carry the probabilities).</param>
    /// <param name="result">The parsed answer, when the output parsed.</param>
    public ConfidenceEstimate Estimate(ITaskMessage task, ChatResponse response, JsonElement? result)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(response);
        if (task is SummarizeTask summarize)
        {
            return result is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty("summary", out var s) && s.ValueKind == JsonValueKind.String
                ? new ConfidenceEstimate(SummaryGrounding.Evaluate(summarize.Input.Text, s.GetString()!).Faithfulness, ConfidenceSources.Grounding)
                : ConfidenceEstimate.Unknown;
        }

        var properties = response.AdditionalProperties;
        if (task is ClassifyTask && properties?.TryGetValue(ChatResponseProperties.LabelProbability, out var scored) == true && scored is double labelProbability)
        {
            return new ConfidenceEstimate(labelProbability, ConfidenceSources.LabelTokens,
                new Dictionary<string, double>(StringComparer.Ordinal) { ["$.label"] = labelProbability });
        }

        var backendConfidence = properties?.ContainsKey(ChatResponseProperties.Confidence) == true ? responseConfidence.Estimate(response) : null;
        if (task is ClassifyTask && backendConfidence is { } label)
        {
            return new ConfidenceEstimate(label, ConfidenceSources.Backend);
        }

        if (PerValue(task, response.Text, properties) is { } perValue)
        {
            return perValue;
        }

        return responseConfidence.Estimate(response) is { } overall
            ? new ConfidenceEstimate(overall, backendConfidence is null ? ConfidenceSources.ResponseTokens : ConfidenceSources.Backend)
            : ConfidenceEstimate.Unknown;
    }

    private ConfidenceEstimate? PerValue(ITaskMessage task, string text, AdditionalPropertiesDictionary? properties)
    {
        if (properties?.TryGetValue(ChatResponseProperties.TokenLogProbabilities, out var raw) != true ||
            raw is not IReadOnlyList<TokenLogProbability> tokens ||
            TokenSpanProbabilities.Create(text, tokens) is not { } placed)
        {
            return null;
        }

        var spans = JsonValueSpans.Find(text);
        if (task is ClassifyTask)
        {
            return spans.FirstOrDefault(v => v.Path == "$.label") is { Path: not null } labelSpan
                ? new ConfidenceEstimate(placed.Joint(labelSpan.Start, labelSpan.End), ConfidenceSources.LabelTokens,
                    new Dictionary<string, double>(StringComparer.Ordinal) { [labelSpan.Path] = placed.Joint(labelSpan.Start, labelSpan.End) })
                : null;
        }

        if (spans.Count == 0)
        {
            return null;
        }

        var mean = options.Value.LogProbConfidence == LogProbConfidence.MeanTokenProbability;
        var fields = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var span in spans)
        {
            fields[span.Path] = mean ? placed.Mean(span.Start, span.End) : placed.Weakest(span.Start, span.End);
        }

        return new ConfidenceEstimate(fields.Values.Min(), ConfidenceSources.ValueTokens, fields);
    }
}
