using System.Globalization;

namespace HeteroAgents.Orchestrator.Cli;

/// <summary>Versions of the routing policies the loop writes: the UTC time and the step, e.g. <c>2026-12-05T18:40:12.345Z-calibrate</c>.</summary>
internal static class PolicyVersions
{
    public static string Next(TimeProvider time, string step) =>
        time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) + "-" + step;
}
