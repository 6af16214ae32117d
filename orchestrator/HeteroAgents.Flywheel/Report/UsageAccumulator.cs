namespace HeteroAgents.Flywheel;

/// <summary>Running totals of one report row.</summary>
internal sealed class UsageAccumulator(string taskType, string workload)
{
    private readonly List<long> _latencies = [];
    private readonly Dictionary<string, long> _reasons = new(StringComparer.Ordinal);
    private long _calls, _slm, _frontier, _escalated, _failed, _input, _output, _unpriced, _audited, _auditCounted, _auditAgreed;
    private decimal _cost, _baseline;

    public void Add(UsageCall call)
    {
        _calls++;
        switch (call.Outcome)
        {
            case UsageOutcome.Slm: _slm++; break;
            case UsageOutcome.Frontier: _frontier++; break;
            case UsageOutcome.Escalated: _escalated++; break;
            default: _failed++; break;
        }

        if (call.EscalationReason is { } reason)
        {
            _reasons[reason] = _reasons.GetValueOrDefault(reason) + 1;
        }

        if (call.LatencyMs is { } latency)
        {
            _latencies.Add(latency);
        }

        _input += call.InputTokens;
        _output += call.OutputTokens;
        _cost += call.Cost ?? 0;
        _unpriced += call.Cost is null ? 1 : 0;
        _baseline += call.BaselineCost ?? 0;
    }

    /// <summary>Counts one audit call: its comparison (null when the frontier failed) and its cost.</summary>
    public void AddAudit(AnswerComparison? comparison, decimal? cost)
    {
        _audited++;
        _auditCounted += comparison is { Counted: true } ? 1 : 0;
        _auditAgreed += comparison is { Counted: true, Agree: true } ? 1 : 0;
        _cost += cost ?? 0;
        _unpriced += cost is null ? 1 : 0;
    }

    public void Add(UsageAccumulator other)
    {
        _audited += other._audited;
        _auditCounted += other._auditCounted;
        _auditAgreed += other._auditAgreed;
        _calls += other._calls;
        _slm += other._slm;
        _frontier += other._frontier;
        _escalated += other._escalated;
        _failed += other._failed;
        foreach (var (reason, n) in other._reasons)
        {
            _reasons[reason] = _reasons.GetValueOrDefault(reason) + n;
        }

        _latencies.AddRange(other._latencies);
        _input += other._input;
        _output += other._output;
        _cost += other._cost;
        _unpriced += other._unpriced;
        _baseline += other._baseline;
    }

    public UsageReportRow ToRow(bool hasBaseline)
    {
        _latencies.Sort();
        return new UsageReportRow(taskType, workload, _calls, _slm, _frontier, _escalated, _failed,
            new SortedDictionary<string, long>(_reasons, StringComparer.Ordinal),
            Percentile(0.50), Percentile(0.95), _input, _output, _cost, hasBaseline ? _baseline : null, _unpriced)
        {
            Audited = _audited,
            AuditCompared = _auditCounted,
            AuditAgreed = _auditAgreed,
        };
    }

    private long? Percentile(double p) =>
        _latencies.Count == 0 ? null : _latencies[Math.Clamp((int)Math.Ceiling(p * _latencies.Count) - 1, 0, _latencies.Count - 1)];
}
