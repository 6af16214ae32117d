using System.Text.Json.Serialization;

namespace HeteroAgents.Contracts;

/// <summary>A classify sub-task, published to the <c>classify</c> queue.</summary>
/// <param name="TaskId">Deterministic id (see <see cref="TaskIds"/>).</param>
/// <param name="BatchId">The batch or session the task belongs to.</param>
/// <param name="CustomId">The caller's id, echoed in the result.</param>
/// <param name="Input">What to do.</param>
public sealed record ClassifyTask(Guid TaskId, string BatchId, string CustomId, ClassifyInput Input) : ITaskMessage
{
    /// <inheritdoc />
    public int SchemaVersion { get; init; } = ContractVersion.Current;

    /// <inheritdoc />
    public string? WorkloadId { get; init; }

    /// <inheritdoc />
    public TaskType Type => TaskType.Classify;

    /// <inheritdoc />
    [JsonIgnore]
    public TaskKind Kind => TaskKinds.Classify;
}
