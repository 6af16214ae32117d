using System.Text.Json;
using HeteroAgents.Contracts;

namespace HeteroAgents.Flywheel;

/// <summary>
/// Aggregates batch output lines and logged frontier calls into the <c>hetero report</c> table: per task type and
/// workload, calls, share served by SLMs, escalation rate by reason, p50/p95 latency, tokens, and estimated cost
/// against an all-frontier baseline (every call's tokens priced at <see cref="ReportOptions.BaselineModel"/>; for
/// SLM-served calls the SLM's token counts stand in for the frontier's); and, from audit calls in the log (completed SLM
/// answers the routing policy's <c>audit_share</c> sent to the frontier too), how often the frontier agreed.
/// </summary>
public sealed class UsageReportBuilder
{
    private readonly ReportOptions _options;
    private readonly ModelPrice? _baseline;
    private readonly Dictionary<(string Task, string Workload), UsageAccumulator> _rows = [];
    private readonly OrderedDictionary<(string Task, string Workload, string Policy), (int Calls, int Slm, int Escalated)> _byPolicy = [];

    /// <summary>Creates an empty builder; throws <see cref="ArgumentException"/> for invalid options.</summary>
    public UsageReportBuilder(ReportOptions? options = null)
    {
        _options = OptionsCheck.Valid(options ?? new ReportOptions(), nameof(options));
        _baseline = _options.Prices.Find(_options.BaselineModel);
    }

    /// <summary>
    /// Builds the report from batch output files (workload = file name without extension) and a frontier call log (file or
    /// directory). When batch outputs are given, logged records of batch tasks (<c>batch_id</c> set) are skipped: the batch's
    /// lines already count them; audit calls are kept (they measure agreement, see <see cref="AddFrontierCall"/>). Logged records go through <see cref="AddLogRecords"/>, so an escalation and the frontier call
    /// that resolved it count once.
    /// </summary>
    public static async Task<UsageReport> BuildFromFilesAsync(
        IReadOnlyList<string> batchOutputPaths, string? frontierLogPath, ReportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batchOutputPaths);
        var builder = new UsageReportBuilder(options);
        var customIds = new List<(string CustomId, string Workload)>();
        foreach (var path in batchOutputPaths)
        {
            var workload = Path.GetFileNameWithoutExtension(path);
            long number = 0;
            await foreach (var line in File.ReadLinesAsync(path, cancellationToken).ConfigureAwait(false))
            {
                number++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                BatchOutputLine parsed;
                try
                {
                    parsed = JsonSerializer.Deserialize<BatchOutputLine>(line, HeteroJson.Options)
                        ?? throw new FormatException($"{path}:{number}: expected a batch output object, found null.");
                }
                catch (JsonException ex)
                {
                    throw new FormatException($"{path}:{number}: not a batch output line{(ex.Path is null ? "" : " at " + ex.Path)}: {ex.Message}", ex);
                }

                builder.AddBatchLine(workload, parsed);
                customIds.Add((parsed.CustomId, workload));
            }
        }

        if (frontierLogPath is not null)
        {
            var records = new List<FrontierCallRecord>();
            await foreach (var record in FrontierCallLogReader.ReadAsync(frontierLogPath, cancellationToken).ConfigureAwait(false))
            {
                if (batchOutputPaths.Count == 0 || record.BatchId is null || record.Audit)
                {
                    records.Add(record);
                }
            }

            builder.AddLogRecords(AuditsUnderTheirBatchWorkload(records, customIds));
        }

        return builder.Build();
    }

    // An audit of a batch task is counted under the batch output file that holds the task's line (task ids are derived
    // from batch id and custom id), so a batch's audited agreement shows on the batch's own row.
    private static IEnumerable<FrontierCallRecord> AuditsUnderTheirBatchWorkload(List<FrontierCallRecord> records, List<(string CustomId, string Workload)> lines)
    {
        var byTaskId = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var batchId in records.Where(r => r.Audit && r.BatchId is not null).Select(r => r.BatchId!).Distinct(StringComparer.Ordinal))
        {
            foreach (var (customId, workload) in lines)
            {
                byTaskId.TryAdd(TaskIds.Create(batchId, customId).ToString("D"), workload);
            }
        }

        return records.Select(r => r.Audit && r.TaskId is { } id && byTaskId.TryGetValue(id, out var workload) ? r with { WorkloadId = workload } : r);
    }

    /// <summary>Counts one batch output line under <paramref name="workload"/>.</summary>
    public void AddBatchLine(string workload, BatchOutputLine line)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(line);
        var frontierModel = line.ServedBy is { } s && s.StartsWith("frontier:", StringComparison.Ordinal) ? s["frontier:".Length..] : null;
        var outcome = line.Status switch
        {
            BatchTaskStatus.Completed => frontierModel is null ? UsageOutcome.Slm : UsageOutcome.Frontier,
            BatchTaskStatus.Escalated => UsageOutcome.Escalated,
            _ => UsageOutcome.Failed,
        };
        var input = line.Usage?.InputTokens ?? 0;
        var output = line.Usage?.OutputTokens ?? 0;
        decimal? cost = outcome switch
        {
            UsageOutcome.Frontier => _options.Prices.Cost(frontierModel, input, output),
            UsageOutcome.Failed when line.Usage is null => 0,
            _ => (input + output) * _options.SlmCostPerMillionTokens / 1_000_000m,
        };
        Row(line.Task ?? "unknown", workload).Add(new UsageCall(
            outcome, line.Escalation is { } e ? Wire(e.Reason) : null, line.LatencyMs, input, output, cost, _baseline?.Cost(input, output)));
        if (line.Routing is { } routing)
        {
            var key = (line.Task ?? "unknown", routing.Workload ?? workload, routing.PolicyVersion);
            var (calls, slm, escalated) = _byPolicy.GetValueOrDefault(key);
            _byPolicy[key] = (calls + 1, slm + (outcome == UsageOutcome.Slm ? 1 : 0), escalated + (line.Escalation is not null ? 1 : 0));
        }
    }

    /// <summary>
    /// Counts the records of a flywheel log: each frontier call, and each escalation record that no logged frontier call
    /// resolved (<see cref="EscalationLinks.CollapseResolved"/>), so an escalated task counts once, under its reason.
    /// </summary>
    public void AddLogRecords(IEnumerable<FrontierCallRecord> records)
    {
        foreach (var record in EscalationLinks.CollapseResolved(records))
        {
            AddFrontierCall(record);
        }
    }

    /// <summary>
    /// Counts one logged record under its task type and workload id: a frontier call as served by the frontier (or failed),
    /// an escalation record (<see cref="FrontierCallStatus.Escalated"/>) as escalated and unresolved, priced as SLM tokens.
    /// </summary>
    public void AddFrontierCall(FrontierCallRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Audit)
        {
            // An audit is not a call of the workload (the SLM's answer stood): it adds its cost and, when the frontier
            // answered, whether the two answers agree under the task type's rule (summaries are shown, not counted).
            var comparison = record.Status == FrontierCallStatus.Ok ? AnswerComparer.Compare(record.TaskType, record.Output, record.SlmOutput) : null;
            Row(record.TaskType ?? "unknown", record.WorkloadId ?? "(frontier)").AddAudit(comparison,
                record.CostUsd ?? _options.Prices.Cost(record.Model, record.InputTokens, record.OutputTokens));
            return;
        }

        if (record.IsEscalation())
        {
            Row(record.TaskType ?? "unknown", record.WorkloadId ?? "(frontier)").Add(new UsageCall(
                UsageOutcome.Escalated, record.EscalationReason is { } reason ? Wire(reason) : null, record.LatencyMs,
                record.InputTokens, record.OutputTokens, (record.InputTokens + record.OutputTokens) * _options.SlmCostPerMillionTokens / 1_000_000m,
                _baseline?.Cost(record.InputTokens, record.OutputTokens)));
            return;
        }

        var cost = record.CostUsd ?? _options.Prices.Cost(record.Model, record.InputTokens, record.OutputTokens);
        Row(record.TaskType ?? "unknown", record.WorkloadId ?? "(frontier)").Add(new UsageCall(
            record.Status == FrontierCallStatus.Ok ? UsageOutcome.Frontier : UsageOutcome.Failed,
            record.EscalationReason is { } r ? Wire(r) : null,
            record.LatencyMs, record.InputTokens, record.OutputTokens, cost, _baseline?.Cost(record.InputTokens, record.OutputTokens)));
    }

    /// <summary>The report so far.</summary>
    public UsageReport Build()
    {
        var total = new UsageAccumulator("*", "*");
        var rows = new List<UsageReportRow>();
        foreach (var ((task, workload), acc) in _rows.OrderBy(p => p.Key.Task, StringComparer.Ordinal).ThenBy(p => p.Key.Workload, StringComparer.Ordinal))
        {
            rows.Add(acc.ToRow(_baseline is not null));
            total.Add(acc);
        }

        // In the order the versions first appear (batch outputs in the order given): before, then after.
        var byPolicy = _byPolicy.Select(p => new PolicyUsageRow(p.Key.Task, p.Key.Workload, p.Key.Policy, p.Value.Calls,
            (double)p.Value.Slm / p.Value.Calls, (double)p.Value.Escalated / p.Value.Calls)).ToList();
        return new UsageReport(rows, total.ToRow(_baseline is not null), _baseline is null ? null : _options.BaselineModel) { ByPolicy = byPolicy };
    }

    private UsageAccumulator Row(string task, string workload)
    {
        if (!_rows.TryGetValue((task, workload), out var acc))
        {
            acc = new UsageAccumulator(task, workload);
            _rows[(task, workload)] = acc;
        }

        return acc;
    }

    private static string Wire(EscalationReason reason) => reason.ToWireName();
}
