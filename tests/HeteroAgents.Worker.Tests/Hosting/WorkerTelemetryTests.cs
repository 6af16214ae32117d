using HeteroAgents.Testing.Tasks;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using HeteroAgents.Contracts;
using HeteroAgents.Messaging;
using HeteroAgents.ServiceDefaults;
using HeteroAgents.Testing.Brokers;
using HeteroAgents.Testing.OpenAi;
using HeteroAgents.Testing.Processes;
using HeteroAgents.Worker.Hosting;
using HeteroAgents.Worker.Tests.Support;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HeteroAgents.Worker.Tests.Hosting;

/// <summary>
/// The worker's telemetry port (Hetero:Telemetry:Port, here a free one) on the real RabbitMQ broker: liveness, readiness
/// that follows the bus, and the Prometheus scrape after real tasks.
/// </summary>
public sealed class WorkerTelemetryTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static IHost BuildHost(IReadOnlyDictionary<string, string?> broker, IDictionary<string, string?> settings, params TaskType[] types)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(broker).AddInMemoryCollection(settings).AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hetero:Telemetry:Port"] = "0",
            ["Hetero:Telemetry:ListenAddress"] = "127.0.0.1",
        });
        builder.Services.AddHeteroMessaging(builder.Configuration, x => x.AddHeteroTaskConsumers(types));
        builder.Services.AddHeteroWorker(builder.Configuration);
        builder.Services.AddHeteroServiceDefaults(builder.Configuration, "hetero-worker-test");
        return builder.Build();
    }

    [Fact]
    public async Task Worker_on_rabbitmq_is_live_and_ready_and_exports_task_metrics_by_type_status_and_reason()
    {
        await using var vhost = await RabbitMqTestVirtualHost.CreateAsync(RabbitMqTestSettings.FromEnvironment(), "hetero-telemetry-test");
        await using var server = FakeOpenAiCompatibleServer.Start();
        using var host = BuildHost(vhost.Settings.ToConfiguration(), new Dictionary<string, string?>
        {
            ["Hetero:Slm:Endpoint"] = server.BaseAddress.ToString(),
            ["Hetero:Slm:Model"] = "fake-slm",
        }, TaskType.Classify, TaskType.Extract);
        await host.StartAsync();
        try
        {
            using var http = Client(host);
            using var live = await http.GetAsync("/healthz/live");
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            var ready = await WaitForReadyAsync(http);
            Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("slm-backend").GetProperty("status").GetString());
            Assert.Contains(ready.GetProperty("checks").EnumerateObject(), c => c.Name.Contains("masstransit", StringComparison.OrdinalIgnoreCase) || c.Name.Contains("bus", StringComparison.OrdinalIgnoreCase));

            var bus = host.Services.GetRequiredService<IBus>();
            var classify = bus.CreateRequestClient<ClassifyTask>(new Uri("queue:hetero-classify"), RequestTimeout.After(s: 30));
            var extract = bus.CreateRequestClient<ExtractTask>(new Uri("queue:hetero-extract"), RequestTimeout.After(s: 30));
            for (var i = 0; i < 3; i++)
            {
                var r = await classify.GetResponse<TaskCompleted, TaskEscalated, TaskFailed>(SampleTasks.Classify("My parcel never arrived, where is the shipping update?", customId: $"c{i}"));
                Assert.True(r.Is(out Response<TaskCompleted>? _), $"expected completed, got {r.Message}");
            }

            // A required field the text does not hold: the fake model answers "<not found>", the source check rejects it.
            var escalation = await extract.GetResponse<TaskCompleted, TaskEscalated, TaskFailed>(SampleTasks.Extract(
                text: "Please help, nothing arrived.",
                schema: """{"type":"object","properties":{"invoice_code":{"type":"string"}},"required":["invoice_code"]}"""));
            Assert.True(escalation.Is(out Response<TaskEscalated>? escalated), $"expected escalated, got {escalation.Message}");
            var reason = JsonSerializer.Serialize(escalated!.Message.Reason).Trim('"');

            var metrics = await http.GetStringAsync("/metrics");

            Assert.Contains(Series(metrics, "hetero_worker_tasks_total"), l => l.Contains("task=\"classify\"", StringComparison.Ordinal) && l.Contains("status=\"completed\"", StringComparison.Ordinal) && !l.EndsWith(" 0", StringComparison.Ordinal));
            Assert.Contains(Series(metrics, "hetero_worker_tasks_total"), l => l.Contains("task=\"extract\"", StringComparison.Ordinal) && l.Contains("status=\"escalated\"", StringComparison.Ordinal) && l.Contains($"reason=\"{reason}\"", StringComparison.Ordinal));
            Assert.Contains(Series(metrics, "hetero_worker_escalations_total"), l => l.Contains("task=\"extract\"", StringComparison.Ordinal) && l.Contains($"reason=\"{reason}\"", StringComparison.Ordinal));
            Assert.Contains(Series(metrics, "hetero_worker_task_duration_milliseconds_bucket"), l => l.Contains("task=\"classify\"", StringComparison.Ordinal) && l.Contains("le=\"+Inf\"", StringComparison.Ordinal));
            Assert.Contains(Series(metrics, "hetero_worker_task_duration_milliseconds_count"), l => l.Contains("status=\"completed\"", StringComparison.Ordinal));
            Assert.Contains(Series(metrics, "hetero_worker_tokens_total"), l => l.Contains("direction=\"output\"", StringComparison.Ordinal));
            Assert.Contains(Series(metrics, "hetero_worker_generation_speed"), l => l.Contains("_count", StringComparison.Ordinal));
            Assert.Contains(Series(metrics, "gen_ai_client_operation_duration"), l => l.Contains("_count", StringComparison.Ordinal));
            Assert.Contains("# TYPE hetero_worker_task_duration_milliseconds histogram", metrics, StringComparison.Ordinal);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Ready_is_503_and_live_200_while_the_broker_cannot_be_reached()
    {
        // A socket that accepts connections and never answers the AMQP handshake: the bus cannot connect and the host's start does not finish.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var unreachable = RabbitMqTestSettings.FromEnvironment() with { Host = "127.0.0.1", Port = ((IPEndPoint)silent.LocalEndpoint).Port };
        using var host = BuildHost(unreachable.ToConfiguration(), new Dictionary<string, string?>(), TaskType.Classify);
        using var stop = new CancellationTokenSource();
        var starting = host.StartAsync(stop.Token);
        try
        {
            var server = host.Services.GetRequiredService<TelemetryEndpointServer>();
            var deadline = DateTime.UtcNow + Patience;
            while (server.BoundPort is null && DateTime.UtcNow < deadline && !starting.IsCompleted)
            {
                await Task.Delay(50);
            }

            using var http = Client(host);
            using var live = await http.GetAsync("/healthz/live");
            using var ready = await http.GetAsync("/healthz/ready");

            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
            Assert.Equal("Unhealthy", body.RootElement.GetProperty("status").GetString());
            Assert.Contains(body.RootElement.GetProperty("checks").EnumerateObject(), c => c.Value.GetProperty("status").GetString() == "Unhealthy");
            Assert.False(starting.IsCompleted, "the host finished starting without a broker");
        }
        finally
        {
            await stop.CancelAsync();
            // Cancelled, or the connection attempt gave up first: either way the start must not have succeeded.
            await Assert.ThrowsAnyAsync<Exception>(() => starting);
            using var stopped = new CancellationTokenSource(Patience);
            await host.StopAsync(stopped.Token);
        }
    }

    [Fact]
    public async Task Worker_process_opens_the_port_from_HETERO__TELEMETRY__PORT_and_names_its_service()
    {
        await using var vhost = await RabbitMqTestVirtualHost.CreateAsync(RabbitMqTestSettings.FromEnvironment(), "hetero-telemetry-test");
        await using var server = FakeOpenAiCompatibleServer.Start();
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var environment = new Dictionary<string, string>(vhost.Settings.ToEnvironment())
        {
            ["HETERO__SLM__ENDPOINT"] = server.BaseAddress.ToString(),
            ["HETERO__TELEMETRY__PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["HETERO__TELEMETRY__LISTENADDRESS"] = "127.0.0.1",
        };
        await using var worker = WorkerProcess.Start(WorkerHostBuild.Dll, ["--task", "tool_call", "--model", "fake-slm"], environment);
        await worker.WaitForOutputAsync("Application started", Patience);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };

        var ready = await WaitForReadyAsync(http);
        var metrics = await http.GetStringAsync("/metrics");

        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("masstransit-bus").GetProperty("status").GetString());
        Assert.Contains("service_name=\"hetero-worker-tool-call\"", metrics, StringComparison.Ordinal);
        Assert.Equal(0, await worker.StopAsync(Patience));
    }

    private static async Task<JsonElement> WaitForReadyAsync(HttpClient http)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            using var response = await http.GetAsync("/healthz/ready");
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.OK)
            {
                using var json = JsonDocument.Parse(body);
                return json.RootElement.Clone();
            }

            Assert.True(DateTime.UtcNow < deadline, $"/healthz/ready stayed {(int)response.StatusCode}: {body}");
            await Task.Delay(200);
        }
    }

    private static List<string> Series(string metrics, string name) =>
        [.. metrics.Split('\n').Where(l => l.StartsWith(name, StringComparison.Ordinal))];

    private static HttpClient Client(IHost host)
    {
        var port = host.Services.GetRequiredService<TelemetryEndpointServer>().BoundPort;
        Assert.NotNull(port);
        return new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
    }
}
