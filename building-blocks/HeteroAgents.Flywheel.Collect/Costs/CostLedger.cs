namespace HeteroAgents.Flywheel;

/// <summary>Running totals of frontier usage and cost per model, kept by <see cref="CostAccountingChatClient"/>. Thread-safe.</summary>
public sealed class CostLedger
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ModelUsageTotals> _byModel = new(StringComparer.Ordinal);

    /// <summary>Adds one call.</summary>
    public void Add(string model, long inputTokens, long outputTokens, decimal? cost)
    {
        ArgumentNullException.ThrowIfNull(model);
        lock (_lock)
        {
            var current = _byModel.GetValueOrDefault(model) ?? new ModelUsageTotals(model, 0, 0, 0, 0, 0);
            _byModel[model] = current with
            {
                Calls = current.Calls + 1,
                InputTokens = current.InputTokens + inputTokens,
                OutputTokens = current.OutputTokens + outputTokens,
                CostUsd = current.CostUsd + (cost ?? 0),
                UnpricedCalls = current.UnpricedCalls + (cost is null ? 1 : 0),
            };
        }
    }

    /// <summary>A snapshot of the totals, ordered by model id.</summary>
    public IReadOnlyList<ModelUsageTotals> Snapshot()
    {
        lock (_lock)
        {
            return [.. _byModel.Values.OrderBy(t => t.Model, StringComparer.Ordinal)];
        }
    }

    /// <summary>The total cost over all models.</summary>
    public decimal TotalCostUsd
    {
        get
        {
            lock (_lock)
            {
                return _byModel.Values.Sum(t => t.CostUsd);
            }
        }
    }
}
