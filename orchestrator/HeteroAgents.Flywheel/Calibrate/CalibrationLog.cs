using HeteroAgents.Contracts;

namespace HeteroAgents.Flywheel;

/// <summary>
/// Finds the evidence for calibration in a frontier call log: the <see cref="ReferenceAnswer"/>s (an SLM escalation
/// with its task input, resolved by a logged frontier answer) of the eval split, and from each the logged sample — the
/// SLM answer as the worker judged it against the frontier's; and the audit samples — completed SLM answers that the
/// frontier answered again (<c>audit: true</c> records), the evidence about the answers above the threshold in force.
/// </summary>
public static class CalibrationLog
{
    /// <summary>
    /// The reference answers of <paramref name="records"/> in the eval split (by the frontier call's id, as export and
    /// eval split), one per task, optionally of one <paramref name="workload"/>; throws <see cref="FormatException"/>
    /// saying why when the log has no usable record (empty, no resolved escalation, none of that workload).
    /// </summary>
    public static IReadOnlyList<ReferenceAnswer> References(IReadOnlyList<FrontierCallRecord> records, double evalFraction, string? workload, string source)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            throw new FormatException($"{source}: the log is empty (no frontier calls or escalations logged yet; run a batch with Hetero:Flywheel:Logging enabled and a frontier model configured)");
        }

        var answers = records.Where(r => !r.IsEscalation() && r.Status == FrontierCallStatus.Ok && r.TaskId is not null && !string.IsNullOrEmpty(r.Output))
            .GroupBy(r => r.TaskId!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var linked = records.Where(r => r.IsEscalation() && r.TaskId is not null && r.Input is not null && r.ParsedTaskType() is not null)
            .GroupBy(r => r.TaskId!, StringComparer.Ordinal).Select(g => g.First())
            .Where(e => answers.ContainsKey(e.TaskId!))
            .Select(e => new ReferenceAnswer(e, answers[e.TaskId!]))
            .ToList();
        if (linked.Count == 0)
        {
            throw new FormatException($"{source}: none of its {records.Count} records is an SLM escalation resolved by a logged frontier answer (calibration needs both: run batches with a frontier model configured)");
        }

        if (workload is not null)
        {
            var present = linked.Select(r => r.Workload ?? "(none)").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            linked = [.. linked.Where(r => r.Workload == workload)];
            if (linked.Count == 0)
            {
                throw new FormatException($"{source}: no resolved escalation of workload '{workload}' (the log has: {string.Join(", ", present)})");
            }
        }

        return [.. linked.Where(r => DatasetSplit.IsEval(r.FrontierCall.Id, evalFraction))];
    }

    /// <summary>
    /// The audit samples of <paramref name="records"/> (optionally of one <paramref name="workload"/>): one per audited task
    /// (the first audit record of a task id), the SLM's completed answer (<see cref="FrontierCallRecord.SlmOutput"/>) compared
    /// with the frontier's, with the confidence the worker computed. Every audit counts, not only the eval split: the
    /// answers were produced at run time by the model that served them, so none of them is training data for that model.
    /// An audit whose answers are not compared (a summary) or whose frontier call failed is no evidence.
    /// </summary>
    public static IReadOnlyList<CalibrationSample> AuditSamples(IReadOnlyList<FrontierCallRecord> records, string? workload)
    {
        ArgumentNullException.ThrowIfNull(records);
        var samples = new List<CalibrationSample>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (!record.Audit || record.Status != FrontierCallStatus.Ok || string.IsNullOrEmpty(record.Output) || record.SlmOutput is null
                || record.ParsedTaskType() is not { } type || (workload is not null && record.WorkloadId != workload)
                || !seen.Add(record.TaskId ?? record.Id))
            {
                continue;
            }

            var comparison = AnswerComparer.Compare(record.TaskType, record.Output, record.SlmOutput);
            if (comparison.Counted)
            {
                samples.Add(new CalibrationSample(record.WorkloadId, type, record.Confidence, comparison.Agree && record.Confidence is not null, "audit", record.Id));
            }
        }

        return samples;
    }

    /// <summary>
    /// The logged sample of <paramref name="reference"/>: the SLM's answer with its confidence when it escalated only
    /// for its confidence, with no confidence (never completed) when it failed a check; null when it is not evidence
    /// about the SLM's answers (a backend error, an input too large, a summary, whose agreement is not counted).
    /// </summary>
    public static CalibrationSample? LoggedSample(ReferenceAnswer reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var escalation = reference.Escalation;
        double? confidence;
        switch (escalation.EscalationReason)
        {
            case EscalationReason.LowConfidence:
                confidence = escalation.Confidence;
                break;
            case EscalationReason.SchemaInvalid or EscalationReason.SemanticInvalid:
                confidence = null;
                break;
            default:
                return null;
        }

        var comparison = AnswerComparer.Compare(escalation.TaskType, reference.FrontierCall.Output, escalation.SlmOutput);
        return comparison.Counted
            ? new CalibrationSample(reference.Workload, reference.Type, confidence, comparison.Agree && confidence is not null, "logged", reference.FrontierCall.Id)
            : null;
    }
}
