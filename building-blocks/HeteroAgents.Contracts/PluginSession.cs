namespace HeteroAgents.Contracts;

/// <summary>
/// Tasks sent by an app's function calls (a plugin session) rather than a batch job: their batch id starts with
/// <see cref="Prefix"/>. The app resolves their escalations inline, so batch-job components (the frontier escalation
/// consumer, the outcome recorder's escalation log) leave them alone.
/// </summary>
public static class PluginSession
{
    /// <summary>Prefix of the batch id of plugin sessions.</summary>
    public const string Prefix = "sk-";

    /// <summary>Whether <paramref name="batchId"/> belongs to a plugin session rather than a batch job.</summary>
    public static bool IsPluginSession(string? batchId) => batchId?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    /// <summary>The batch id of a session: <paramref name="sessionId"/> with the prefix (added when missing), or a new random one.</summary>
    public static string Id(string? sessionId = null) =>
        string.IsNullOrEmpty(sessionId) ? Prefix + Guid.NewGuid().ToString("N")
        : IsPluginSession(sessionId) ? sessionId : Prefix + sessionId;
}
