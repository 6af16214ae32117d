using System.ComponentModel.DataAnnotations;
using HeteroAgents.Flywheel;

namespace HeteroAgents.Orchestrator.Options;

/// <summary>
/// Redis connection for the batch store (configuration section <c>Hetero:Redis</c>, environment <c>HETERO__REDIS__*</c>).
/// The connection settings (endpoints, AUTH, TLS) are those of <see cref="RedisConnectionOptions"/>, shared with the
/// flywheel's Redis sink; this type adds the store's own. A Redis without AUTH is accepted only on a loopback address.
/// </summary>
public sealed class RedisOptions : RedisConnectionOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Hetero:Redis";

    /// <summary>Prefix of every key the store writes (lets several deployments or test runs share one Redis).</summary>
    [Required]
    public string KeyPrefix { get; set; } = "hetero:";

    /// <summary>How long a batch's keys live after its last line was read.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00")]
    public TimeSpan BatchTtl { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How long a store operation keeps retrying while Redis is unreachable (a restart or failover) before the command
    /// fails. Outcomes wait in their queue meanwhile; zero fails at the first connection error.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan OutageRetryWindow { get; set; } = TimeSpan.FromSeconds(30);
}
