using System.Text.Json.Serialization;

namespace HeteroAgents.Contracts;

/// <summary>The kinds of sub-task the SLM fleet serves. One queue and one worker kind per value.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TaskType>))]
public enum TaskType
{
    /// <summary>Pick one label from a closed set.</summary>
    [JsonStringEnumMemberName("classify")]
    Classify,

    /// <summary>Fill a caller-supplied JSON schema from a text.</summary>
    [JsonStringEnumMemberName("extract")]
    Extract,

    /// <summary>Choose one tool from a list and fill its arguments.</summary>
    [JsonStringEnumMemberName("tool_call")]
    ToolCall,

    /// <summary>Summarize a text within a word budget.</summary>
    [JsonStringEnumMemberName("summarize")]
    Summarize,
}
