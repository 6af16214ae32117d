using System.Security.Authentication;

namespace HeteroAgents.Redis.Tests;

/// <summary>Option → StackExchange.Redis ConfigurationOptions mapping.</summary>
public sealed class RedisConfigurationFactoryTests
{
    [Fact]
    public void Plain_configuration_keeps_the_string_and_sets_timeout_and_abort()
    {
        var config = RedisConfigurationFactory.Create(new RedisOptions { Configuration = "127.0.0.1:6379", ConnectTimeoutMs = 1234 });

        Assert.Equal(["127.0.0.1"], RedisConfigurationFactory.Hosts(config));
        Assert.Equal(1234, config.ConnectTimeout);
        Assert.True(config.AbortOnConnectFail);
        Assert.False(config.Ssl);
        Assert.Null(config.Password);
    }

    [Fact]
    public void User_and_password_settings_win_over_the_string()
    {
        var config = RedisConfigurationFactory.Create(new RedisOptions { Configuration = "cache:6379,password=old", User = "hetero", Password = "new-pw" });

        Assert.Equal("hetero", config.User);
        Assert.Equal("new-pw", config.Password);
    }

    [Fact]
    public void A_password_only_in_the_string_is_kept()
    {
        var config = RedisConfigurationFactory.Create(new RedisOptions { Configuration = "cache:6379,password=in-string" });

        Assert.Equal("in-string", config.Password);
    }

    [Fact]
    public void Tls_defaults_the_host_name_to_the_first_endpoint_and_offers_tls12_and_13()
    {
        var config = RedisConfigurationFactory.Create(new RedisOptions { Configuration = "cache.internal:6380,cache2:6380", UseTls = true });

        Assert.True(config.Ssl);
        Assert.Equal("cache.internal", config.SslHost);
        Assert.Equal(SslProtocols.Tls12 | SslProtocols.Tls13, config.SslProtocols);
    }

    [Fact]
    public void Tls_host_and_protocols_are_taken_from_the_options()
    {
        var config = RedisConfigurationFactory.Create(new RedisOptions
        {
            Configuration = "10.0.0.9:6380",
            UseTls = true,
            TlsHost = "redis.example",
            TlsProtocols = SslProtocols.Tls13,
        });

        Assert.Equal("redis.example", config.SslHost);
        Assert.Equal(SslProtocols.Tls13, config.SslProtocols);
    }

    [Fact]
    public void Without_use_tls_no_tls_is_configured()
    {
        var config = RedisConfigurationFactory.Create(new RedisOptions { Configuration = "127.0.0.1:6379", TlsHost = "ignored" });

        Assert.False(config.Ssl);
        Assert.Null(config.SslHost);
    }
}
