using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HeteroAgents.Redis;

/// <summary>Readiness of the Redis connection (check <c>redis</c>, tag <c>ready</c>): connects if needed and pings the server.</summary>
internal sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    /// <summary>The registration name.</summary>
    public const string Name = "redis";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var database = await redis.GetDatabaseAsync(cancellationToken);
            var latency = await database.PingAsync();
            return HealthCheckResult.Healthy($"ping {latency.TotalMilliseconds:0.#} ms");
        }
        catch (Exception ex) when (ex is InvalidOperationException or StackExchange.Redis.RedisException or TimeoutException)
        {
            // The exception is kept out of the report (it can carry the connection string); the description says what failed.
            return HealthCheckResult.Unhealthy("Redis is not reachable (Hetero:Redis:Configuration)");
        }
    }
}
