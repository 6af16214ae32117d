using System.Text.Json;
using HeteroAgents.Contracts;

namespace HeteroAgents.Worker.Pipeline;

/// <summary>Builds the outcome messages of one task, filling in the fields every outcome shares.</summary>
internal sealed class TaskOutcomeBuilder(ITaskMessage task, string servedBy, Func<long> elapsedMs)
{
    private JsonElement? _input;

    public JsonElement Input => _input ??= TaskInputs.ToJson(task);

    /// <summary>What completed and escalated outcomes echo about routing (policy version, threshold, confidence per value).</summary>
    public RoutingInfo? Routing { get; set; }

    public TaskCompleted Completed(JsonElement result, double? confidence, TaskUsage usage) =>
        new(task.TaskId, task.BatchId ?? string.Empty, task.CustomId ?? string.Empty, task.Type, result, servedBy, confidence, usage, elapsedMs()) { Routing = Routing };

    public TaskEscalated Escalated(EscalationReason reason, string detail, string? rawOutput = null, double? confidence = null, TaskUsage? usage = null) =>
        new(task.TaskId, task.BatchId ?? string.Empty, task.CustomId ?? string.Empty, task.Type, reason, detail, Input, rawOutput, servedBy,
            confidence, usage ?? TaskUsage.None, elapsedMs()) { Routing = Routing };

    /// <summary>The audit request of a completed answer the policy picked for audit (<see cref="RoutingInfo.Audit"/>).</summary>
    public static TaskAuditRequested AuditOf(ITaskMessage task, TaskCompleted completed) => new(completed, TaskInputs.ToJson(task));

    public TaskFailed Failed(TaskError error) =>
        new(task.TaskId, task.BatchId ?? string.Empty, task.CustomId ?? string.Empty, task.Type, error);
}
