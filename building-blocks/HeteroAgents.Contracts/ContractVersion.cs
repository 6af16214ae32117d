namespace HeteroAgents.Contracts;

/// <summary>
/// The version of the message contracts. Every message carries it as <c>schema_version</c> so that
/// workers of different versions can share a queue: a worker serves messages whose version it
/// knows and escalates the others with <see cref="EscalationReason.UnsupportedSchemaVersion"/>.
/// Version 2 adds <see cref="TaskCompleted.Escalation"/> and <see cref="TaskFailed.Escalation"/> (the SLM escalation a
/// frontier outcome follows; version 1 carried it in transport headers); messages of version 1 are still read.
/// </summary>
public static class ContractVersion
{
    /// <summary>The version this build writes.</summary>
    public const int Current = 2;

    /// <summary>The oldest version this build still reads.</summary>
    public const int MinimumSupported = 1;

    /// <summary>Whether a message of <paramref name="version"/> can be served by this build.</summary>
    public static bool IsSupported(int version) => version is >= MinimumSupported and <= Current;
}
