namespace HeteroAgents.Worker.Routing;

/// <summary>
/// Creates the routing policy source that <see cref="RoutingOptions"/> configure: the file, else the Redis key, else
/// none (the built-in policy). A host with a Redis connection registers the factory with <paramref name="redisSource"/>.
/// </summary>
/// <param name="redisSource">Creates the source for a Redis key; null when the host has no Redis.</param>
public sealed class RoutingPolicySourceFactory(Func<string, IRoutingPolicySource>? redisSource = null)
{
    /// <summary>The source <paramref name="options"/> configure, or null for the built-in policy; throws <see cref="RoutingPolicySourceException"/> for a Redis key without Redis.</summary>
    public IRoutingPolicySource? Create(RoutingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.PolicyFile))
        {
            return new FileRoutingPolicySource(options.PolicyFile);
        }

        if (string.IsNullOrWhiteSpace(options.PolicyRedisKey))
        {
            return null;
        }

        return redisSource is not null
            ? redisSource(options.PolicyRedisKey)
            : throw new RoutingPolicySourceException($"{RoutingOptions.SectionName}:PolicyRedisKey is set but this host has no Redis connection (set Hetero:Redis:Configuration)");
    }
}
