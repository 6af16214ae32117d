using System.Text.Json;

namespace HeteroAgents.Contracts;

/// <summary>
/// A completed SLM answer that the routing policy's <c>audit_share</c> picked for audit, published by the worker instead of
/// its <see cref="TaskCompleted"/> (from contract version 2). With a frontier model configured, the orchestrator's audit
/// consumer has the frontier answer the same task too — the flywheel log keeps both answers, so <c>hetero report</c> shows
/// how often they agree (how drift is noticed) — and then publishes <see cref="Completed"/> unchanged; without one, the
/// outcome recorder records <see cref="Completed"/> directly. Either way the task ends with the SLM's result, and a
/// batch is done only once its audits are.
/// </summary>
/// <param name="Completed">The SLM's completed outcome, as the worker would have published it.</param>
/// <param name="Input">The task's input as sent (the <c>input</c> object of the batch line), for the frontier prompt.</param>
public sealed record TaskAuditRequested(TaskCompleted Completed, JsonElement Input)
{
    /// <summary>The contract version of the message.</summary>
    public int SchemaVersion { get; init; } = ContractVersion.Current;
}
