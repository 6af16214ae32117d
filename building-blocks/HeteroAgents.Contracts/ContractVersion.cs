namespace HeteroAgents.Contracts;

/// <summary>
/// The version of the message contracts. Every message carries it as <c>schema_version</c> so that
/// workers of different versions can share a queue: a worker serves messages whose version it
/// knows and escalates the others with <see cref="EscalationReason.UnsupportedSchemaVersion"/>.
/// </summary>
public static class ContractVersion
{
    /// <summary>The version this build writes.</summary>
    public const int Current = 1;

    /// <summary>The oldest version this build still reads.</summary>
    public const int MinimumSupported = 1;

    /// <summary>Whether a message of <paramref name="version"/> can be served by this build.</summary>
    public static bool IsSupported(int version) => version is >= MinimumSupported and <= Current;
}
