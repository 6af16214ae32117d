using System.Text.Json.Serialization;
using HeteroAgents.Contracts;

namespace HeteroAgents.Orchestrator.Tests.Kinds;

/// <summary>The message of the test-only <c>echo</c> kind (public: MassTransit serializes it).</summary>
public sealed record EchoTask(Guid TaskId, string BatchId, string CustomId, EchoInput Input) : ITaskMessage
{
    /// <inheritdoc />
    public int SchemaVersion { get; init; } = ContractVersion.Current;

    /// <inheritdoc />
    public string? WorkloadId { get; init; }

    /// <inheritdoc />
    public TaskType Type => EchoKind.Instance.Type;

    /// <inheritdoc />
    [JsonIgnore]
    public TaskKind Kind => EchoKind.Instance;
}
