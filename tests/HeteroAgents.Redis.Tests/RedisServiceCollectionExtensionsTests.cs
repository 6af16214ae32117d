using HeteroAgents.Testing.Brokers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace HeteroAgents.Redis.Tests;

/// <summary>One Redis home: one <c>Hetero:Redis</c> options type and one connection, however often it is registered.</summary>
public sealed class RedisServiceCollectionExtensionsTests
{
    private static readonly string Configuration = TestBrokers.Current.Redis;

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddHeteroRedis();
        services.AddHeteroRedis(); // a second registration (the batch store and the flywheel sink both ask) changes nothing
        services.AddHeteroRedisReadinessCheck();
        return services.BuildServiceProvider(true);
    }

    [Fact]
    public async Task Every_user_gets_the_same_connection()
    {
        await using var services = Build(new() { ["Hetero:Redis:Configuration"] = Configuration + ",connectTimeout=3000" });

        var multiplexer = services.GetRequiredService<IConnectionMultiplexer>();
        var viaStore = await services.GetRequiredService<RedisConnection>().GetMultiplexerAsync(CancellationToken.None);

        Assert.Same(multiplexer, viaStore);
        Assert.Same(multiplexer, services.GetRequiredService<IConnectionMultiplexer>());
        Assert.True((await multiplexer.GetDatabase().PingAsync()) >= TimeSpan.Zero);
        Assert.Single(services.GetServices<RedisConnection>());
    }

    [Fact]
    public void The_one_options_type_carries_connection_and_store_settings_and_reads_the_password_file()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "from-the-file\n");
        try
        {
            using var services = Build(new()
            {
                ["Hetero:Redis:Configuration"] = "cache.internal:6379",
                ["Hetero:Redis:PasswordFile"] = file,
                ["Hetero:Redis:KeyPrefix"] = "tenant-a:",
                ["Hetero:Redis:BatchTtl"] = "1.00:00:00",
            });

            var options = services.GetRequiredService<IOptions<RedisOptions>>().Value;

            Assert.Equal(("cache.internal:6379", "from-the-file", "tenant-a:", TimeSpan.FromDays(1)), (options.Configuration, options.Password, options.KeyPrefix, options.BatchTtl));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_missing_password_file_fails_naming_it()
    {
        using var services = Build(new() { ["Hetero:Redis:Configuration"] = "redis:6379", ["Hetero:Redis:PasswordFile"] = "/nonexistent/redis-pw" });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<RedisOptions>>().Value);

        Assert.Contains(ex.Failures, f => f.StartsWith("Hetero:Redis:PasswordFile names '/nonexistent/redis-pw'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_remote_redis_without_a_password_fails_naming_the_setting()
    {
        using var services = Build(new() { ["Hetero:Redis:Configuration"] = "redis.prod:6379" });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<RedisOptions>>().Value);

        Assert.Contains("Hetero:Redis:Password is required", ex.Message, StringComparison.Ordinal);
    }
}
