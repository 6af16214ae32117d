using Testcontainers.RabbitMq;
using Testcontainers.Redis;

namespace HeteroAgents.Testing.Brokers;

/// <summary>
/// RabbitMQ (with the management plugin, which the virtual-host fixture uses) and Redis in throw-away containers, for
/// machines with a Docker engine and no services of their own. Testcontainers' reaper removes them when the test process ends.
/// </summary>
internal static class TestcontainersBrokers
{
    private const string RabbitMqImage = "rabbitmq:3.13-management";
    private const string RedisImage = "redis:7";
    private const ushort ManagementPort = 15672;

    public static TestBrokerEndpoints Start()
    {
        var rabbit = new RabbitMqBuilder(RabbitMqImage).WithUsername("guest").WithPassword("guest").WithPortBinding(ManagementPort, assignRandomHostPort: true).Build();
        var redis = new RedisBuilder(RedisImage).Build();
        Task.WhenAll(rabbit.StartAsync(), redis.StartAsync()).GetAwaiter().GetResult();
        var host = rabbit.Hostname;
        var settings = new RabbitMqTestSettings(host, rabbit.GetMappedPublicPort(RabbitMqBuilder.RabbitMqPort), "guest", "guest", "/")
        {
            ManagementUri = new Uri($"http://{host}:{rabbit.GetMappedPublicPort(ManagementPort)}/"),
        };
        return new TestBrokerEndpoints(TestBrokerSource.Testcontainers, settings, redis.GetConnectionString());
    }
}
