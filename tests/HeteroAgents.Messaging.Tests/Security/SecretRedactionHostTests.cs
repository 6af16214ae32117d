using HeteroAgents.Security;
using HeteroAgents.Messaging.Tests.Support;
using HeteroAgents.Testing.Brokers;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// These tests call the logger API directly on purpose: what they check is the redaction of arbitrary log arguments
// and exceptions, whatever a caller passes, so a [LoggerMessage] template would not exercise it.
#pragma warning disable CA1848

namespace HeteroAgents.Messaging.Tests.Security;

/// <summary>A real host on the real broker, started with secrets configured: no log entry any provider receives holds them.</summary>
public sealed class SecretRedactionHostTests
{
    private const string RabbitPassword = "Rabbit-Redaction-Secret-7f3a";
    private const string RedisPassword = "Redis-Redaction-Secret-91c2";
    private const string ApiKey = "Slm-Redaction-Key-55e0";

    [Fact]
    public async Task A_host_refused_by_the_broker_logs_the_failure_without_any_secret()
    {
        var broker = RabbitMqTestSettings.FromEnvironment();
        await broker.EnsureReachableAsync();
        var capture = new CapturingLoggerProvider();
        using var host = BuildHost(broker, capture);

        await host.StartAsync();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("HeteroAgents.Probe");

        // Ways a secret could reach a log: a URI with user info, a connection string as a structured value,
        // an exception message, an Authorization header in a scope-less message.
        logger.LogWarning("connecting to {Address}", $"amqp://probe:{RabbitPassword}@{broker.Host}:{broker.Port}/");
        logger.LogInformation("store {Configuration}", $"redis:6379,password={RedisPassword}");
        logger.LogError(new InvalidOperationException($"login with {RabbitPassword} failed", new IOException($"key {ApiKey} refused")), "connection failed");
        logger.LogDebug("sent Authorization: Bearer {Key}", ApiKey);

        // The broker refuses the unknown account: wait for MassTransit's own report of it.
        var refused = await capture.WaitForAsync(e => e.Category.StartsWith("MassTransit", StringComparison.Ordinal) && e.Level >= LogLevel.Warning, TimeSpan.FromSeconds(30));
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            await host.StopAsync(stop.Token);
        }

        var text = capture.AllText;
        Assert.True(refused, "MassTransit never logged the refused connection; captured:\n" + text);
        Assert.DoesNotContain(RabbitPassword, text, StringComparison.Ordinal);
        Assert.DoesNotContain(RedisPassword, text, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, text, StringComparison.Ordinal);

        // The entries are there, masked, with their exceptions.
        Assert.Contains(capture.Entries, e => e.Message == $"connecting to amqp://probe:***@{broker.Host}:{broker.Port}/");
        Assert.Contains(capture.Entries, e => e.Values.Any(v => v.Key == "Configuration" && Equals(v.Value, "redis:6379,password=***")));
        Assert.Contains(capture.Entries, e => e.Exception is { } ex && ex.Contains("login with *** failed", StringComparison.Ordinal) && ex.Contains("key *** refused", StringComparison.Ordinal));
    }

    [Fact]
    public void Secret_redaction_replaces_the_logger_factory_once()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Hetero:Slm:ApiKey"] = ApiKey }).Build();
        var capture = new CapturingLoggerProvider();
        services.AddLogging(b => b.AddProvider(capture).SetMinimumLevel(LogLevel.Trace));

        services.AddHeteroSecretRedaction(configuration).AddHeteroSecretRedaction(configuration);
        using var provider = services.BuildServiceProvider();
        var logger = provider.GetRequiredService<ILogger<SecretRedactionHostTests>>();
        using (logger.BeginScope("calling with {Key}", ApiKey))
        using (logger.BeginScope("plain scope " + ApiKey))
        {
            logger.LogInformation("key is {Key}", ApiKey);
        }

        Assert.IsType<RedactingLoggerFactory>(provider.GetRequiredService<ILoggerFactory>());
        Assert.Equal(["scope: calling with ***", "scope: plain scope ***", "key is ***"], capture.Entries.Select(e => e.Message));
        Assert.DoesNotContain(ApiKey, capture.AllText, StringComparison.Ordinal);
    }

    private static IHost BuildHost(RabbitMqTestSettings broker, CapturingLoggerProvider capture)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(broker.ToConfiguration());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hetero:Messaging:RabbitMq:Username"] = "hetero-redaction-probe",
            ["Hetero:Messaging:RabbitMq:Password"] = RabbitPassword,
            ["Hetero:Redis:Configuration"] = $"127.0.0.1:6379,password={RedisPassword}",
            ["Hetero:Slm:ApiKey"] = ApiKey,
        });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddProvider(capture);
        builder.Services.AddHeteroMessaging(builder.Configuration, _ => { });
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = false;
            o.StopTimeout = TimeSpan.FromSeconds(5);
        });
        return builder.Build();
    }
}
