namespace HeteroAgents.Contracts;

/// <summary>A task that could not be served at all (bad input, or frontier resolution failed).</summary>
/// <param name="TaskId">The task's deterministic id.</param>
/// <param name="BatchId">The batch or session.</param>
/// <param name="CustomId">The caller's id.</param>
/// <param name="TaskType">The task's type.</param>
/// <param name="Error">What went wrong.</param>
public sealed record TaskFailed(Guid TaskId, string BatchId, string CustomId, TaskType TaskType, TaskError Error) : ITaskOutcome
{
    /// <inheritdoc />
    public int SchemaVersion { get; init; } = ContractVersion.Current;

    /// <summary>
    /// The SLM escalation this outcome follows, when the frontier model answered it (from contract version 2; null for the
    /// SLM's own answers and in version-1 messages, which carried it in transport headers).
    /// </summary>
    public EscalationInfo? Escalation { get; init; }
}
