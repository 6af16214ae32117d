using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using HeteroAgents.ServiceDefaults.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HeteroAgents.ServiceDefaults.Tests;

public sealed class TelemetryEndpointServerTests
{
    private static readonly Dictionary<string, string?> FreePort = new()
    {
        ["Hetero:Telemetry:Port"] = "0",
        ["Hetero:Telemetry:ListenAddress"] = "127.0.0.1",
    };

    [Fact]
    public async Task Live_answers_200_while_ready_follows_the_ready_checks()
    {
        var toggle = new ToggleHealthCheck();
        using var host = TelemetryHost.Build(FreePort, s => s.AddHealthChecks().AddCheck("toggle", toggle, tags: [HealthTags.Ready]));
        await host.StartAsync();
        try
        {
            using var http = Client(host);

            using var live = await http.GetAsync("/healthz/live");
            using var notReady = await http.GetAsync("/healthz/ready");
            toggle.Healthy = true;
            using var ready = await http.GetAsync("/healthz/ready");

            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            using (var body = JsonDocument.Parse(await live.Content.ReadAsStringAsync()))
            {
                Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
                Assert.True(body.RootElement.GetProperty("checks").TryGetProperty("self", out _));
                Assert.False(body.RootElement.GetProperty("checks").TryGetProperty("toggle", out _), "a ready check must not decide liveness");
            }

            Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
            using (var body = JsonDocument.Parse(await notReady.Content.ReadAsStringAsync()))
            {
                Assert.Equal("Unhealthy", body.RootElement.GetProperty("checks").GetProperty("toggle").GetProperty("status").GetString());
                Assert.Equal("switched off", body.RootElement.GetProperty("checks").GetProperty("toggle").GetProperty("description").GetString());
            }

            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Metrics_serves_the_hetero_meters_in_prometheus_text_format()
    {
        using var host = TelemetryHost.Build(FreePort);
        await host.StartAsync();
        try
        {
            using var meter = host.Services.GetRequiredService<IMeterFactory>().Create("HeteroAgents.Tests");
            var counter = meter.CreateCounter<long>("hetero.test.things", "{thing}", "Things counted by the test.");
            counter.Add(3, new KeyValuePair<string, object?>("task", "classify"));
            using var http = Client(host);

            using var response = await http.GetAsync("/metrics");
            var text = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
            Assert.Contains("# TYPE hetero_test_things_total counter", text, StringComparison.Ordinal);
            Assert.Contains("hetero_test_things_total{otel_scope_name=\"HeteroAgents.Tests\",task=\"classify\"} 3", text, StringComparison.Ordinal);
            Assert.Contains("target_info{", text, StringComparison.Ordinal);
            Assert.Contains("service_name=\"hetero-test\"", text, StringComparison.Ordinal);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Unknown_paths_are_not_found_and_the_port_closes_on_stop()
    {
        using var host = TelemetryHost.Build(FreePort);
        await host.StartAsync();
        using var http = Client(host);
        using var missing = await http.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        await host.StopAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("/healthz/live"));
    }

    [Fact]
    public async Task A_port_already_in_use_fails_the_start_naming_the_setting()
    {
        using var first = TelemetryHost.Build(FreePort);
        await first.StartAsync();
        try
        {
            var taken = first.Services.GetRequiredService<TelemetryEndpointServer>().BoundPort!.Value;
            using var second = TelemetryHost.Build(new Dictionary<string, string?>(FreePort) { ["Hetero:Telemetry:Port"] = taken.ToString(System.Globalization.CultureInfo.InvariantCulture) });

            var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => second.StartAsync());

            Assert.Contains("HETERO__TELEMETRY__PORT", ex.Message, StringComparison.Ordinal);
            Assert.Contains(taken.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            await first.StopAsync();
        }
    }

    [Fact]
    public async Task A_second_registration_changes_nothing()
    {
        using var host = TelemetryHost.Build(FreePort, s => s.AddHeteroServiceDefaults(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), "again"));
        await host.StartAsync();
        try
        {
            using var http = Client(host);
            using var live = await http.GetAsync("/healthz/live");

            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            Assert.Single(host.Services.GetServices<IHostedService>().OfType<TelemetryEndpointServer>());
            Assert.Contains("service_name=\"hetero-test\"", await http.GetStringAsync("/metrics"), StringComparison.Ordinal);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static HttpClient Client(IHost host)
    {
        var port = host.Services.GetRequiredService<TelemetryEndpointServer>().BoundPort;
        Assert.NotNull(port);
        Assert.NotEqual(0, port);
        return new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
    }
}
