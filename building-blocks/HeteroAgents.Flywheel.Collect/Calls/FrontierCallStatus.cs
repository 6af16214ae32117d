using System.Text.Json.Serialization;

namespace HeteroAgents.Flywheel;

/// <summary>Whether a logged frontier call answered, or that the record is an SLM escalation rather than a frontier call.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FrontierCallStatus>))]
public enum FrontierCallStatus
{
    /// <summary>The model answered.</summary>
    [JsonStringEnumMemberName("ok")]
    Ok,

    /// <summary>The call threw, was cancelled, or a stream ended early; <c>error</c> says which.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,

    /// <summary>
    /// Not a frontier call: an SLM escalation (conversion-loop step S1), logged when it happens whether or not a frontier
    /// model then resolves it. It carries the SLM's raw output and the task's input but no frontier answer. A frontier call
    /// that resolves it is a separate record with the same <c>task_id</c> (see the offline steps (<c>EscalationLinks</c> in HeteroAgents.Flywheel)).
    /// </summary>
    [JsonStringEnumMemberName("escalated")]
    Escalated,
}
