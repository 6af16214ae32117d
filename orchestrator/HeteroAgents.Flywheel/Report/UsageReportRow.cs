namespace HeteroAgents.Flywheel;

/// <summary>Usage of one task type and workload (or the total, with both set to <c>*</c>).</summary>
/// <param name="TaskType">Task type wire name.</param>
/// <param name="Workload">Workload: the batch output file's name (without extension) or the logged workload id.</param>
/// <param name="Calls">Tasks and frontier calls counted.</param>
/// <param name="ServedBySlm">Completed by an SLM.</param>
/// <param name="ServedByFrontier">Completed by a frontier model (resolved escalations and direct frontier calls).</param>
/// <param name="Escalated">Escalated and left unresolved.</param>
/// <param name="Failed">Failed.</param>
/// <param name="EscalationsByReason">Escalations (resolved or not) by reason wire name.</param>
/// <param name="LatencyP50Ms">Median latency (nearest rank) of the calls that report one.</param>
/// <param name="LatencyP95Ms">95th-percentile latency (nearest rank).</param>
/// <param name="InputTokens">Prompt tokens.</param>
/// <param name="OutputTokens">Generated tokens.</param>
/// <param name="CostUsd">Estimated cost: frontier tokens at their model's price plus SLM tokens at the SLM price.</param>
/// <param name="BaselineCostUsd">Estimated cost had every call gone to the baseline frontier model; null without a baseline price.</param>
/// <param name="UnpricedCalls">Frontier calls whose model had no price (not in <paramref name="CostUsd"/>).</param>
public sealed record UsageReportRow(
    string TaskType,
    string Workload,
    long Calls,
    long ServedBySlm,
    long ServedByFrontier,
    long Escalated,
    long Failed,
    IReadOnlyDictionary<string, long> EscalationsByReason,
    long? LatencyP50Ms,
    long? LatencyP95Ms,
    long InputTokens,
    long OutputTokens,
    decimal CostUsd,
    decimal? BaselineCostUsd,
    long UnpricedCalls)
{
    /// <summary>Share of calls served by an SLM.</summary>
    public double SlmShare => Calls == 0 ? 0 : (double)ServedBySlm / Calls;

    /// <summary>Share of calls the SLM escalated (resolved or not).</summary>
    public double EscalationRate => Calls == 0 ? 0 : (double)EscalationsByReason.Values.Sum() / Calls;

    /// <summary>Escalation rate of one reason.</summary>
    public double EscalationRateOf(string reason) => Calls == 0 ? 0 : (double)EscalationsByReason.GetValueOrDefault(reason) / Calls;

    /// <summary>Completed SLM answers the frontier also answered (audit calls in the log).</summary>
    public long Audited { get; init; }

    /// <summary>Audits whose answers could be compared (the frontier answered; summaries are not compared).</summary>
    public long AuditCompared { get; init; }

    /// <summary>Compared audits where the frontier agreed with the SLM.</summary>
    public long AuditAgreed { get; init; }

    /// <summary>The audited agreement: agreed over compared; null when nothing was compared.</summary>
    public double? AuditAgreement => AuditCompared == 0 ? null : (double)AuditAgreed / AuditCompared;

    /// <summary>Baseline minus actual cost; null without a baseline.</summary>
    public decimal? SavingsUsd => BaselineCostUsd - CostUsd;
}
