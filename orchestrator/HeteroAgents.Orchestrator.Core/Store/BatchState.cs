using System.Text.Json.Serialization;

namespace HeteroAgents.Orchestrator.Store;

/// <summary>The life cycle of a batch.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BatchState>))]
public enum BatchState
{
    /// <summary>The input file is still being read and its tasks published.</summary>
    [JsonStringEnumMemberName("submitting")]
    Submitting,

    /// <summary>Every line was read; outcomes are still arriving.</summary>
    [JsonStringEnumMemberName("running")]
    Running,

    /// <summary>Every line has exactly one outcome.</summary>
    [JsonStringEnumMemberName("completed")]
    Completed,

    /// <summary>Cancelled: no more lines are read, and tasks without an outcome were failed with <c>cancelled</c>.</summary>
    [JsonStringEnumMemberName("cancelled")]
    Cancelled,
}
