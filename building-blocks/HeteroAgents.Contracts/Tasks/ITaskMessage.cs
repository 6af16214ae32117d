namespace HeteroAgents.Contracts;

/// <summary>What every typed sub-task message carries, whatever its task type.</summary>
public interface ITaskMessage
{
    /// <summary>Deterministic id (see <see cref="TaskIds"/>); the idempotency key.</summary>
    Guid TaskId { get; }

    /// <summary>The batch (or plugin session) the task belongs to.</summary>
    string BatchId { get; }

    /// <summary>The caller's own id for the task, echoed in the result.</summary>
    string CustomId { get; }

    /// <summary>Contract version the message was written with (see <see cref="ContractVersion"/>).</summary>
    int SchemaVersion { get; }

    /// <summary>
    /// The caller's workload (an application, a batch job kind), which selects the routing policy's per-workload
    /// settings and groups the conversion loop's records; null when the caller names none.
    /// </summary>
    string? WorkloadId { get; }

    /// <summary>The task type, fixed by the concrete message type.</summary>
    TaskType Type { get; }

    /// <summary>
    /// The task's kind: its input rules, result schema and checks (not serialized; implement as
    /// <c>[JsonIgnore] public TaskKind Kind =&gt; …</c> returning the one descriptor of the message type).
    /// </summary>
    TaskKind Kind { get; }
}
