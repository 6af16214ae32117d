using HeteroAgents.Testing.Brokers;

namespace HeteroAgents.IntegrationTests.Support;

/// <summary>
/// One dedicated RabbitMQ node and one dedicated Redis for the fault-injection tests (collection <see cref="Collection"/>,
/// so those tests run one after another and may stop, kill and restart these services freely). Each test takes its own
/// virtual host and key prefix; <see cref="EnsureRunningAsync"/> brings back a service an earlier failed test left down.
/// </summary>
public sealed class FaultServices : IAsyncLifetime
{
    public const string Collection = "fault-injection";

    internal DedicatedRabbitMqNode Rabbit { get; private set; } = null!;

    internal DedicatedRedisServer Redis { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var rabbit = DedicatedRabbitMqNode.StartNewAsync(new DedicatedRabbitMqNodeOptions { Name = "fault" }, timeout.Token);
        var redis = DedicatedRedisServer.StartNewAsync(new DedicatedRedisServerOptions { Name = "fault", AppendOnly = true }, timeout.Token);
        try
        {
            await Task.WhenAll(rabbit, redis);
        }
        finally
        {
            if (rabbit.IsCompletedSuccessfully)
            {
                Rabbit = rabbit.Result;
            }

            if (redis.IsCompletedSuccessfully)
            {
                Redis = redis.Result;
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (Rabbit is not null)
        {
            await Rabbit.DisposeAsync();
        }

        if (Redis is not null)
        {
            await Redis.DisposeAsync();
        }
    }

    /// <summary>Starts whichever service is down, then creates a fresh virtual host for one test.</summary>
    internal async Task<RabbitMqTestSettings> EnsureRunningAsync(string purpose, CancellationToken cancellationToken)
    {
        if (!await Rabbit.IsUpAsync(cancellationToken))
        {
            await Rabbit.StartAsync(cancellationToken);
        }

        await Redis.StartAsync(cancellationToken);
        return await Rabbit.CreateVirtualHostAsync($"fault-{purpose}-{Guid.NewGuid():N}"[..32], cancellationToken);
    }
}
