namespace HeteroAgents.Testing.JsonSchemaSuite;

/// <summary>How the engine did on one test case of the JSON-Schema-Test-Suite.</summary>
public enum SuiteOutcome
{
    /// <summary>The schema compiled and the instance was classified as the suite says.</summary>
    Pass,

    /// <summary>An invalid instance was accepted.</summary>
    FalseAccept,

    /// <summary>A valid instance was rejected.</summary>
    FalseReject,

    /// <summary>The schema failed to compile (a <c>SchemaCompilationException</c> naming keyword and pointer).</summary>
    NotCompiled,

    /// <summary>Masks and advancing disagreed, token-level and validation mode disagreed, or an exception escaped.</summary>
    EngineError,
}
