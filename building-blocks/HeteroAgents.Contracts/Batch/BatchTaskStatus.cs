using System.Text.Json.Serialization;

namespace HeteroAgents.Contracts;

/// <summary>The outcome of one batch line.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BatchTaskStatus>))]
public enum BatchTaskStatus
{
    /// <summary>Answered with a validated result (by an SLM or by the frontier model).</summary>
    [JsonStringEnumMemberName("completed")]
    Completed,

    /// <summary>The SLM escalated and no frontier model resolved it; the escalation event is recorded.</summary>
    [JsonStringEnumMemberName("escalated")]
    Escalated,

    /// <summary>Could not be served: bad input line, or frontier resolution failed. <c>error</c> names the cause.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,
}
