using System.ComponentModel.DataAnnotations;

namespace HeteroAgents.Worker.Routing;

/// <summary>Where a worker reads its routing policy (configuration section <c>Hetero:Routing</c>, environment <c>HETERO__ROUTING__*</c>).</summary>
public sealed class RoutingOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Hetero:Routing";

    /// <summary>A routing policy JSON file (<c>HeteroAgents.Contracts.RoutingPolicy</c>); unset (and no Redis key): the built-in policy.</summary>
    public string? PolicyFile { get; set; }

    /// <summary>A Redis key holding the routing policy JSON (read through <c>Hetero:Redis</c>); unset (and no file): the built-in policy.</summary>
    public string? PolicyRedisKey { get; set; }

    /// <summary>
    /// A JSONL file of in-context examples (<c>HeteroAgents.Contracts.InContextExample</c>, written by <c>hetero flywheel
    /// examples</c>); the policy's <c>examples</c> setting says how many go into a workload's prompts. Unset: none.
    /// </summary>
    public string? ExamplesFile { get; set; }

    /// <summary>How often a running worker checks the file or key for a new policy, in seconds.</summary>
    [Range(1, 86_400)]
    public int ReloadSeconds { get; set; } = 10;
}
