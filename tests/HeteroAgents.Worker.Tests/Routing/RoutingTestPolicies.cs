using HeteroAgents.Worker.Routing;
using Microsoft.Extensions.Logging.Abstractions;

namespace HeteroAgents.Worker.Tests.Routing;

/// <summary>Routing policies in temporary files, and providers reading them.</summary>
internal static class RoutingTestPolicies
{
    public static string WriteFile(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), "hetero-routing-tests", Guid.NewGuid().ToString("N") + ".json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, json);
        return path;
    }

    public static RoutingPolicyProvider Provider(string? json = null) =>
        new(Microsoft.Extensions.Options.Options.Create(new RoutingOptions { PolicyFile = json is null ? null : WriteFile(json) }),
            new RoutingPolicySourceFactory(), NullLogger<RoutingPolicyProvider>.Instance);
}
