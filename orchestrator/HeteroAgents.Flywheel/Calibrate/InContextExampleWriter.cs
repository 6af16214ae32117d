using System.Globalization;
using System.Text.Json;
using HeteroAgents.Contracts;

namespace HeteroAgents.Flywheel;

/// <summary>
/// <c>hetero flywheel examples</c>: writes the in-context examples file workers read (<c>Hetero:Routing:ExamplesFile</c>)
/// from a scrubbed log: per workload and task type, the tasks of the train split (never the eval split, so eval with
/// examples measures unseen tasks) that a logged frontier answer resolved, as <see cref="InContextExample"/> lines.
/// A log that is not scrubbed is refused: the first text where the scrubber still finds personal data is named.
/// </summary>
public static class InContextExampleWriter
{
    /// <summary>Writes the examples of <paramref name="references"/> (every reference of the log) to <paramref name="outputPath"/>; returns how many per workload.</summary>
    public static async Task<IReadOnlyDictionary<string, int>> WriteAsync(
        IReadOnlyList<ReferenceAnswer> references, string outputPath, double evalFraction, PiiScrubber scrubber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(references);
        ArgumentNullException.ThrowIfNull(scrubber);
        var examples = new List<InContextExample>();
        foreach (var reference in references)
        {
            var input = reference.Escalation.Input!.Value;
            var field = reference.Type == TaskType.ToolCall ? "request" : "text";
            if (input.ValueKind != JsonValueKind.Object || !input.TryGetProperty(field, out var material) || material.ValueKind != JsonValueKind.String)
            {
                continue;
            }

            var example = new InContextExample(reference.Workload ?? string.Empty, reference.Type.ToWireName(), material.GetString()!, reference.FrontierCall.Output!);
            if (example.Workload.Length == 0)
            {
                continue; // only workloads opt in, so tasks without one have no use for examples
            }

            // Every record is checked, eval split included: a log with personal data anywhere is not a scrubbed log.
            RequireScrubbed(example.Material, reference.Escalation.Id, "input." + field, scrubber);
            RequireScrubbed(example.Answer, reference.FrontierCall.Id, "output", scrubber);
            if (!DatasetSplit.IsEval(reference.FrontierCall.Id, evalFraction))
            {
                examples.Add(example);
            }
        }

        if (examples.Count == 0)
        {
            throw new FormatException("no example: no resolved escalation with a workload in the train split (run batches with a \"workload\" on their lines and a frontier configured)");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputPath))!);
        await File.WriteAllLinesAsync(outputPath, examples.Select(e => e.ToJsonLine()), cancellationToken).ConfigureAwait(false);
        return examples.GroupBy(e => e.Workload + "/" + e.Task, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }

    private static void RequireScrubbed(string text, string recordId, string field, PiiScrubber scrubber)
    {
        if (scrubber.Find(text) is { Count: > 0 } findings)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture,
                $"the log is not scrubbed: record {recordId} {field} still has {findings[0].Type} at offset {findings[0].Start}; examples go into prompts, so run `hetero flywheel scrub <log> -o scrubbed.jsonl` and use the scrubbed file"));
        }
    }
}
