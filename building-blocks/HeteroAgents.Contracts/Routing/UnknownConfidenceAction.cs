using System.Text.Json.Serialization;

namespace HeteroAgents.Contracts;

/// <summary>What a worker does with an answer whose confidence is unknown (the backend reported no probabilities).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<UnknownConfidenceAction>))]
public enum UnknownConfidenceAction
{
    /// <summary>Escalate it with <c>low_confidence</c>: without probabilities nothing says the answer is right.</summary>
    [JsonStringEnumMemberName("escalate")]
    Escalate,

    /// <summary>Complete it when every check passed.</summary>
    [JsonStringEnumMemberName("complete")]
    Complete,
}
