using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using HeteroAgents.Contracts;
using HeteroAgents.Messaging;
using HeteroAgents.Orchestrator.Cli;
using HeteroAgents.Orchestrator.Tests.Support;
using HeteroAgents.Testing.Brokers;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HeteroAgents.Orchestrator.Tests.Telemetry;

/// <summary>`hetero serve` with HETERO__TELEMETRY__PORT on the real broker (a throwaway virtual host) and Redis.</summary>
public sealed class ServeTelemetryTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private RabbitMqTestVirtualHost _vhost = null!;

    public async Task InitializeAsync() => _vhost = await RabbitMqTestVirtualHost.CreateAsync(RabbitMqTestSettings.FromEnvironment(), "hetero-cli-test");

    public Task DisposeAsync() => _vhost.DisposeAsync().AsTask();

    [Fact]
    public async Task Serve_is_ready_with_bus_and_redis_and_exports_outcome_escalation_and_queue_depth_metrics()
    {
        await _vhost.DeclareQueueAsync("hetero-summarize");
        await _vhost.PublishRawAsync("hetero-summarize", "{}", "application/json");
        await _vhost.WaitForReadyAsync("hetero-summarize", 1);
        var port = FreePort();
        var configuration = new Dictionary<string, string?>(_vhost.Configuration)
        {
            ["Hetero:Telemetry:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Hetero:Telemetry:ListenAddress"] = "127.0.0.1",
        };
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var context = new CliContext { Out = stdout, Error = stderr, Interactive = false, Configuration = configuration };
        var serve = HeteroCli.RunAsync(["serve"], context, stop.Token);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
            var ready = await WaitForReadyAsync(http, serve);
            var checks = ready.GetProperty("checks");
            Assert.Equal("Healthy", checks.GetProperty("redis").GetProperty("status").GetString());
            Assert.Contains(checks.EnumerateObject(), c => c.Name != "redis" && c.Name != "self" && c.Value.GetProperty("status").GetString() == "Healthy");

            // An escalation published like a worker would: the recorder counts it (its batch is unknown, so the store ignores the line).
            using (var publisher = await StartPublisherAsync())
            {
                await publisher.Services.GetRequiredService<IBus>().Publish(new TaskEscalated(
                    Guid.NewGuid(), "no-such-batch", "x1", TaskType.Classify, EscalationReason.LowConfidence, "confidence 0.2 < 0.7",
                    JsonDocument.Parse("{}").RootElement, null, "slm:test", 0.2, new TaskUsage(10, 2), 5));
                await publisher.StopAsync();
            }

            // The recorder counts the escalation when it arrives and the outcome after the store call: wait for both.
            var metrics = await WaitForMetricsAsync(http, "hetero_orchestrator_escalations_total", "hetero_orchestrator_tasks_total", "hetero_queue_messages");

            Assert.Contains(Lines(metrics, "hetero_orchestrator_escalations_total"), l => l.Contains("reason=\"low_confidence\"", StringComparison.Ordinal) && l.Contains("task=\"classify\"", StringComparison.Ordinal));
            Assert.Contains(Lines(metrics, "hetero_orchestrator_tasks_total"), l => l.Contains("status=\"escalated\"", StringComparison.Ordinal) && l.Contains("reason=\"low_confidence\"", StringComparison.Ordinal));
            Assert.Contains(Lines(metrics, "hetero_queue_messages"), l => l.Contains("queue=\"hetero-summarize\"", StringComparison.Ordinal) && l.Contains("state=\"ready\"", StringComparison.Ordinal) && l.EndsWith(" 1", StringComparison.Ordinal));
            Assert.Contains("service_name=\"hetero-orchestrator\"", metrics, StringComparison.Ordinal);
        }
        finally
        {
            await stop.CancelAsync();
            Assert.Equal(0, await serve);
        }
    }

    [Fact]
    public async Task Serve_with_a_port_out_of_range_stops_with_a_configuration_error()
    {
        var configuration = new Dictionary<string, string?>(_vhost.Configuration) { ["Hetero:Telemetry:Port"] = "99999" };

        var result = await CliRunner.RunAsync(configuration, ["serve"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("configuration error", result.Error, StringComparison.Ordinal);
        Assert.Contains("Hetero:Telemetry:Port", result.Error, StringComparison.Ordinal);
        Assert.Contains("99999", result.Error, StringComparison.Ordinal);
    }

    private async Task<IHost> StartPublisherAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(_vhost.Configuration);
        builder.Services.AddHeteroMessaging(builder.Configuration, _ => { });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static async Task<JsonElement> WaitForReadyAsync(HttpClient http, Task<int> serve)
    {
        var deadline = DateTime.UtcNow + Patience;
        var last = "no answer";
        while (DateTime.UtcNow < deadline && !serve.IsCompleted)
        {
            try
            {
                using var response = await http.GetAsync("/healthz/ready");
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                    return json.RootElement.Clone();
                }
            }
            catch (HttpRequestException ex)
            {
                last = ex.Message;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"/healthz/ready never answered 200 (serve finished: {serve.IsCompleted}); last: {last}");
        return default;
    }

    private static async Task<string> WaitForMetricsAsync(HttpClient http, params string[] names)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var text = await http.GetStringAsync("/metrics");
            if (names.All(n => text.Contains(n, StringComparison.Ordinal)) || DateTime.UtcNow > deadline)
            {
                return text;
            }

            await Task.Delay(250);
        }
    }

    private static List<string> Lines(string metrics, string name) =>
        [.. metrics.Split('\n').Where(l => l.StartsWith(name + "{", StringComparison.Ordinal))];

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
