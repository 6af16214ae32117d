using System.Text.Json;
using HeteroAgents.Contracts;
using HeteroAgents.IntegrationTests.Support;

namespace HeteroAgents.IntegrationTests.BadInput;

/// <summary>
/// Checks a batch's output against the corpus: every case got exactly the outcome its manifest entry names (one
/// located failed line, or one completed/escalated line whose result validates, or no line for a blank one), every
/// valid task in between produced exactly one non-failed line, and no output line is left unexplained.
/// </summary>
internal static class CorpusChecker
{
    public static async Task<CorpusReport> CheckAsync(CorpusBatch batch, IReadOnlyList<BatchOutputLine> output, TaskInputParser parser)
    {
        var failures = new List<string>();
        var failedByLine = output.Where(l => l.Status == BatchTaskStatus.Failed && l.Error?.Line is not null)
            .GroupBy(l => l.Error!.Line!.Value).ToDictionary(g => g.Key, g => g.ToList());
        var answeredById = output.Where(l => l.Status != BatchTaskStatus.Failed)
            .GroupBy(l => l.CustomId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var explained = 0;
        var passed = 0;

        foreach (var (line, c) in batch.CaseAtLine.OrderBy(p => p.Key))
        {
            var problem = c.Expect switch
            {
                CorpusCase.Skipped => failedByLine.ContainsKey(line) ? $"blank line {line} produced an output line" : null,
                CorpusCase.Accepted => await CheckAcceptedAsync(c, line, parser, answeredById, failedByLine),
                _ => CheckError(c, line, failedByLine),
            };
            explained += c.Expect == CorpusCase.Skipped ? 0 : 1;
            if (problem is null)
            {
                passed++;
            }
            else
            {
                failures.Add($"{c.Name} on batch line {line}: {problem}");
            }
        }

        foreach (var (customId, (line, bytes)) in batch.ValidLines)
        {
            explained++;
            var problem = await CheckValidAsync(customId, line, bytes, parser, answeredById, failedByLine);
            if (problem is not null)
            {
                failures.Add($"valid task {customId} on line {line}: {problem}");
            }
        }

        if (output.Count != batch.TaskLines || explained != output.Count)
        {
            failures.Add($"{output.Count} output lines for {batch.TaskLines} non-blank input lines ({explained} explained)");
        }

        return new CorpusReport(batch.CaseAtLine.Count, passed, batch.ValidLines.Count, failures);
    }

    private static string? CheckError(CorpusCase c, long line, Dictionary<long, List<BatchOutputLine>> failedByLine)
    {
        if (!failedByLine.TryGetValue(line, out var lines) || lines.Count != 1)
        {
            return $"expected one failed line naming line {line}, got {lines?.Count ?? 0}";
        }

        var error = lines[0].Error!;
        var problems = new List<string>();
        if (error.Code != c.Expect)
        {
            problems.Add($"code {error.Code}, expected {c.Expect}");
        }

        if (c.ChecksField && error.Field != c.Field)
        {
            problems.Add($"field {error.Field ?? "null"}, expected {c.Field ?? "null"}");
        }

        if (c.FieldPrefix is not null && error.Field?.StartsWith(c.FieldPrefix, StringComparison.Ordinal) != true)
        {
            problems.Add($"field {error.Field ?? "null"}, expected one under {c.FieldPrefix}");
        }

        if (!error.Message.StartsWith($"line {line}", StringComparison.Ordinal) || error.Message.Length > 600)
        {
            problems.Add($"message does not start with 'line {line}' or is over 600 characters: {error.Message[..Math.Min(200, error.Message.Length)]}");
        }

        return problems.Count == 0 ? null : string.Join("; ", problems) + $" (message: {error.Message})";
    }

    private static async Task<string?> CheckAcceptedAsync(
        CorpusCase c, long line, TaskInputParser parser, Dictionary<string, List<BatchOutputLine>> answeredById, Dictionary<long, List<BatchOutputLine>> failedByLine)
    {
        var parsed = parser.Parse(c.Line, line, "check");
        if (!parsed.IsSuccess)
        {
            return $"the manifest says accepted but the parser rejects it: {parsed.Error.Message}";
        }

        // A repeated custom_id (duplicates.jsonl) fails on a later line; the first use is the accepted one.
        var answered = answeredById.GetValueOrDefault(parsed.CustomId) ?? [];
        if (answered.Count != 1 || failedByLine.ContainsKey(line))
        {
            return $"expected exactly one completed/escalated line for custom_id {parsed.CustomId}, got {answered.Count} (and {(failedByLine.ContainsKey(line) ? "a" : "no")} failed line)";
        }

        var outcome = answered[0];
        if (c.Status is not null && !string.Equals(JsonSerializer.Serialize(outcome.Status, HeteroJson.Options).Trim('"'), c.Status, StringComparison.Ordinal))
        {
            return $"status {outcome.Status}, expected {c.Status} ({outcome.Escalation?.Detail})";
        }

        if (c.Reason is not null && !string.Equals(JsonSerializer.Serialize(outcome.Escalation?.Reason, HeteroJson.Options).Trim('"'), c.Reason, StringComparison.Ordinal))
        {
            return $"escalation reason {outcome.Escalation?.Reason}, expected {c.Reason}";
        }

        return await ResultProblemAsync(parsed.Task, outcome);
    }

    private static async Task<string?> CheckValidAsync(
        string customId, long line, byte[] bytes, TaskInputParser parser,
        Dictionary<string, List<BatchOutputLine>> answeredById, Dictionary<long, List<BatchOutputLine>> failedByLine)
    {
        var answered = answeredById.GetValueOrDefault(customId) ?? [];
        if (answered.Count != 1 || failedByLine.ContainsKey(line))
        {
            return $"expected exactly one completed/escalated line, got {answered.Count}";
        }

        var parsed = parser.Parse(bytes, line, "check");
        return parsed.IsSuccess ? await ResultProblemAsync(parsed.Task, answered[0]) : $"does not parse: {parsed.Error.Message}";
    }

    private static async Task<string?> ResultProblemAsync(ITaskMessage task, BatchOutputLine outcome)
    {
        if (outcome.Task != task.Type.ToWireName())
        {
            return $"output task {outcome.Task}, expected {task.Type.ToWireName()}";
        }

        if (outcome.Status == BatchTaskStatus.Escalated)
        {
            return outcome.Escalation is null || string.IsNullOrWhiteSpace(outcome.Escalation.Detail) ? "escalated without a reason" : null;
        }

        if (outcome.Status != BatchTaskStatus.Completed || outcome.Result is null)
        {
            return $"status {outcome.Status} without a result";
        }

        var errors = await OutputFiles.SchemaErrorsAsync(task, outcome.Result.Value);
        return errors.Count == 0 ? null : $"completed with a result outside the caller's schema: {outcome.Result}: {string.Join("; ", errors)}";
    }
}
