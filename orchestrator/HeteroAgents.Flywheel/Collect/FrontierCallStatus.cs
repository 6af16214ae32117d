using System.Text.Json.Serialization;

namespace HeteroAgents.Flywheel;

/// <summary>Whether a logged frontier call answered.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FrontierCallStatus>))]
public enum FrontierCallStatus
{
    /// <summary>The model answered.</summary>
    [JsonStringEnumMemberName("ok")]
    Ok,

    /// <summary>The call threw, was cancelled, or a stream ended early; <c>error</c> says which.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,
}
