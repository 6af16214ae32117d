using System.Text.Json.Serialization;

namespace HeteroAgents.Contracts;

/// <summary>Why a worker handed a task to the frontier model instead of answering it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EscalationReason>))]
public enum EscalationReason
{
    /// <summary>The SLM's output did not parse or did not validate against the result schema.</summary>
    [JsonStringEnumMemberName("schema_invalid")]
    SchemaInvalid,

    /// <summary>The output was well-formed but failed a semantic check (label not in set, value not in source, unknown tool, too many words).</summary>
    [JsonStringEnumMemberName("semantic_invalid")]
    SemanticInvalid,

    /// <summary>The output's confidence was below the worker's threshold.</summary>
    [JsonStringEnumMemberName("low_confidence")]
    LowConfidence,

    /// <summary>The SLM backend failed or is not configured.</summary>
    [JsonStringEnumMemberName("backend_error")]
    BackendError,

    /// <summary>The input does not fit the SLM's context window or the worker's size limit.</summary>
    [JsonStringEnumMemberName("input_too_large")]
    InputTooLarge,

    /// <summary>The message was written with a contract version this worker does not serve.</summary>
    [JsonStringEnumMemberName("unsupported_schema_version")]
    UnsupportedSchemaVersion,
}
