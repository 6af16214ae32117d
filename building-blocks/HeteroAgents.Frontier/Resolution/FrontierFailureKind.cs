namespace HeteroAgents.Frontier;

/// <summary>Why the frontier model could not resolve an escalated task.</summary>
public enum FrontierFailureKind
{
    /// <summary>The answer was not JSON.</summary>
    InvalidJson,

    /// <summary>The answer was JSON but did not validate against the task's result schema or a semantic check.</summary>
    SchemaInvalid,

    /// <summary>The call did not finish within <see cref="FrontierOptions.Timeout"/>.</summary>
    Timeout,

    /// <summary>The model refused to answer (a refusal, a content filter, or an empty answer).</summary>
    Refusal,

    /// <summary>The call failed (HTTP error, connection refused, server error).</summary>
    BackendError,
}
