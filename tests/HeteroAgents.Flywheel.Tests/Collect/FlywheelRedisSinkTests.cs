using System.Security.Authentication;
using HeteroAgents.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Flywheel.Tests.Collect;

/// <summary>The flywheel's Redis sink writes over the process's one Redis connection: endpoints, user, password file and TLS of <c>Hetero:Redis</c>, like the orchestrator's store.</summary>
public sealed class FlywheelRedisSinkTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Password_file_user_and_tls_of_hetero_redis_reach_the_sink_configuration()
    {
        var passwordFile = _dir.File("redis-password");
        File.WriteAllText(passwordFile, "s3cret-from-file\n");
        using var host = Build(new()
        {
            ["Hetero:Flywheel:Logging:Sink"] = "Redis",
            ["Hetero:Redis:Configuration"] = "store.internal:6379",
            ["Hetero:Redis:User"] = "flywheel",
            ["Hetero:Redis:Password"] = "overridden-by-the-file",
            ["Hetero:Redis:PasswordFile"] = passwordFile,
            ["Hetero:Redis:UseTls"] = "true",
            ["Hetero:Redis:TlsProtocols"] = "Tls13",
            ["Hetero:Redis:ConnectTimeoutMs"] = "1500",
        });

        var config = SinkConfiguration(host);

        Assert.Equal(["store.internal"], RedisConfigurationFactory.Hosts(config));
        Assert.Equal("flywheel", config.User);
        Assert.Equal("s3cret-from-file", config.Password);
        Assert.True(config.Ssl);
        Assert.Equal("store.internal", config.SslHost);
        Assert.Equal(SslProtocols.Tls13, config.SslProtocols);
        Assert.Equal(1500, config.ConnectTimeout);
    }

    [Fact]
    public void The_sink_uses_the_endpoints_of_hetero_redis()
    {
        using var host = Build(new()
        {
            ["Hetero:Flywheel:Logging:Sink"] = "Redis",
            ["Hetero:Redis:Configuration"] = "127.0.0.2:6390",
        });

        var config = SinkConfiguration(host);

        Assert.Equal(["127.0.0.2"], RedisConfigurationFactory.Hosts(config));
        Assert.False(config.Ssl);
        Assert.Null(config.Password);
    }

    [Theory]
    [InlineData("redis:6379", null, null, "Hetero:Redis:Password is required: Redis endpoint 'redis' is not a loopback address")]
    [InlineData(null, "redis.prod:6379", null, "Hetero:Flywheel:Logging:RedisConfiguration is no longer supported")]
    [InlineData(",", null, null, "Hetero:Redis:Configuration is not a valid StackExchange.Redis configuration string")]
    [InlineData(null, null, "/nonexistent/redis-pw", "Hetero:Redis:PasswordFile names '/nonexistent/redis-pw', which does not exist.")]
    public async Task The_redis_sink_checks_its_connection_settings_at_start(string? redis, string? flywheel, string? passwordFile, string expected)
    {
        using var host = Build(new()
        {
            ["Hetero:Flywheel:Logging:Sink"] = "Redis",
            ["Hetero:Flywheel:Logging:RedisConfiguration"] = flywheel,
            ["Hetero:Redis:Configuration"] = redis,
            ["Hetero:Redis:PasswordFile"] = passwordFile,
        });

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_jsonl_sink_does_not_check_redis_settings()
    {
        using var host = Build(new()
        {
            ["Hetero:Flywheel:Logging:DataDirectory"] = _dir.Path,
            ["Hetero:Redis:Configuration"] = "redis:6379",
        });

        await host.StartAsync();

        Assert.IsType<JsonlFrontierCallLog>(host.Services.GetRequiredService<IFrontierCallLog>());
        await host.StopAsync();
    }

    internal static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new());
        builder.Configuration.AddInMemoryCollection(settings.Where(s => s.Value is not null));
        builder.Services.AddFlywheel();
        return builder.Build();
    }

    private static StackExchange.Redis.ConfigurationOptions SinkConfiguration(IHost host) =>
        RedisConfigurationFactory.Create(host.Services.GetRequiredService<IOptions<RedisOptions>>().Value);
}
