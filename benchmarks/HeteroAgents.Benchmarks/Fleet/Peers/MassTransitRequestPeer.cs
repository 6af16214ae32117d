using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HeteroAgents.Benchmarks.Fleet.Peers;

/// <summary>
/// The MassTransit 8.5 request client on the same broker: a consumer answering at once on a durable queue, a request
/// client with <c>inFlight</c> requests outstanding; MassTransit's defaults (persistent messages, publisher confirms).
/// </summary>
internal static class MassTransitRequestPeer
{
    public const string Name = "MassTransit request client";

    public static async Task<PeerResult> RunAsync(string vhost, int count, int inFlight, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddMassTransit(bus =>
        {
            bus.AddConsumer<PingConsumer>().Endpoint(e =>
            {
                e.Name = "bench-mt-ping";
                e.PrefetchCount = inFlight * 2;
                e.ConcurrentMessageLimit = inFlight;
            });
            bus.ConfigureUsageTelemetryOptions(o => o.Enabled = false);
            bus.AddRequestClient<PingRequest>(new Uri("queue:bench-mt-ping"), RequestTimeout.After(s: 60));
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host("127.0.0.1", vhost, h =>
                {
                    h.Username("guest");
                    h.Password("guest");
                });
                rabbit.ConfigureEndpoints(context);
            });
        });
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        using var host = builder.Build();
        await host.StartAsync(cancellationToken);
        try
        {
            var client = host.Services.GetRequiredService<IRequestClient<PingRequest>>();
            const string text = "Where is parcel 0000042? It is late.";
            // One request alone first: 100 first calls at once each start resolving the send endpoint, and in this
            // setup all but one of them never sent (MassTransit 8.5.12), so the endpoint is resolved before the loops start.
            await client.GetResponse<PingReply>(new PingRequest(-1, text), cancellationToken);
            await PeerLoop.RunAsync(Math.Min(count, 1_000), inFlight, (i, ct) => client.GetResponse<PingReply>(new PingRequest(i, text), ct), cancellationToken);
            var cpu = CpuMeter.Start();
            var elapsed = await PeerLoop.RunAsync(count, inFlight, (i, ct) => client.GetResponse<PingReply>(new PingRequest(i, text), ct), cancellationToken);
            return new PeerResult(Name, count, elapsed) { Cpu = cpu.PerUnit(count) };
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }
}
