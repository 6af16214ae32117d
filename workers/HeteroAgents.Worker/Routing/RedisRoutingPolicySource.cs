using HeteroAgents.Redis;
using StackExchange.Redis;

namespace HeteroAgents.Worker.Routing;

/// <summary>
/// A routing policy in a Redis string key (<see cref="RoutingOptions.PolicyRedisKey"/>, the key as written, without
/// <c>Hetero:Redis:KeyPrefix</c>), read over the process's one connection (<c>Hetero:Redis</c>). <c>hetero flywheel
/// calibrate --to-redis</c> and <c>hetero models promote|rollback</c> write it.
/// </summary>
/// <param name="connection">The process's Redis connection.</param>
/// <param name="key">The key.</param>
public sealed class RedisRoutingPolicySource(RedisConnection connection, string key) : IRoutingPolicySource
{
    /// <inheritdoc />
    public string Name => $"{RoutingOptions.SectionName}:PolicyRedisKey '{key}'";

    /// <inheritdoc />
    public string Read()
    {
        RedisValue value;
        try
        {
            value = connection.GetMultiplexer().GetDatabase().StringGet(key);
        }
        catch (Exception ex) when (ex is RedisException or InvalidOperationException or TimeoutException)
        {
            throw new RoutingPolicySourceException($"Redis cannot be read: {ex.Message}", ex);
        }

        return value.HasValue ? value.ToString() : throw new RoutingPolicySourceException("the key does not exist (write it with `hetero flywheel calibrate --to-redis` or SET)");
    }
}
