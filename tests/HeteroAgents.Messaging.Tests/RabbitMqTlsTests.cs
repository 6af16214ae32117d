using HeteroAgents.Messaging.Tests.Support;
using HeteroAgents.Testing.Brokers;
using HeteroAgents.Testing.Tls;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HeteroAgents.Messaging.Tests;

/// <summary>The bus over AMQPS to a real RabbitMQ node that listens only with TLS.</summary>
public sealed class RabbitMqTlsTests(TlsRabbitMqNodeFixture fixture) : IClassFixture<TlsRabbitMqNodeFixture>
{
    private readonly DedicatedRabbitMqNode _node = fixture.Node;

    private IHost BuildHost(string caPath, CapturingLoggerProvider capture)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hetero:Messaging:Transport"] = "RabbitMq",
            ["Hetero:Messaging:RabbitMq:Host"] = "localhost",
            ["Hetero:Messaging:RabbitMq:Port"] = _node.AmqpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Hetero:Messaging:RabbitMq:UseTls"] = "true",
            ["Hetero:Messaging:RabbitMq:TlsCaCertificatePath"] = caPath,
        });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddProvider(capture);
        builder.Services.AddSingleton<TlsProbeInbox>();
        builder.Services.AddHeteroMessaging(builder.Configuration, x => x.AddConsumer<TlsProbeConsumer>());
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = false;
            o.StopTimeout = TimeSpan.FromSeconds(10);
        });
        return builder.Build();
    }

    [Fact]
    public async Task The_bus_connects_with_the_ca_file_and_carries_a_message()
    {
        var capture = new CapturingLoggerProvider();
        using var host = BuildHost(_node.CaPath!, capture);
        await host.StartAsync();
        try
        {
            var bus = host.Services.GetRequiredService<IBus>();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, timeout.Token);
            await bus.Publish(new TlsProbe("over amqps"), timeout.Token);

            var received = await host.Services.GetRequiredService<TlsProbeInbox>().Received.Task.WaitAsync(timeout.Token);

            Assert.Equal("over amqps", received);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task A_broker_certificate_from_another_ca_is_refused()
    {
        using var otherCa = new TestCertificateAuthority("Not The Broker's CA");
        var otherPath = otherCa.WriteCaPem(Path.Combine(_node.Directory, "other-ca.crt"));
        var capture = new CapturingLoggerProvider();
        using var host = BuildHost(otherPath, capture);
        await host.StartAsync();
        try
        {
            var refused = await capture.WaitForAsync(
                e => e.Exception is { } ex && ex.Contains("Authentication", StringComparison.OrdinalIgnoreCase), TimeSpan.FromSeconds(30));

            Assert.True(refused, "no TLS authentication failure was logged:\n" + capture.AllText);
            Assert.NotEqual(BusHealthStatus.Healthy, host.Services.GetRequiredService<IBusControl>().CheckHealth().Status);
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
