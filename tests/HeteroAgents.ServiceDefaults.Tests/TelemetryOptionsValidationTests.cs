using HeteroAgents.ServiceDefaults.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace HeteroAgents.ServiceDefaults.Tests;

public sealed class TelemetryOptionsValidationTests
{
    [Theory]
    [InlineData("70000")]
    [InlineData("-1")]
    public async Task Port_out_of_range_fails_the_start_naming_the_setting_and_value(string port)
    {
        using var host = TelemetryHost.Build(new Dictionary<string, string?> { ["Hetero:Telemetry:Port"] = port });

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        var message = string.Join(" ", ex.Failures);
        Assert.Contains("Hetero:Telemetry:Port", message, StringComparison.Ordinal);
        Assert.Contains("HETERO__TELEMETRY__PORT", message, StringComparison.Ordinal);
        Assert.Contains(port, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Port_that_is_not_a_number_fails_the_start_naming_the_setting()
    {
        using var host = TelemetryHost.Build(new Dictionary<string, string?> { ["Hetero:Telemetry:Port"] = "metrics" });

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("Hetero:Telemetry:Port", ex.Message, StringComparison.Ordinal);
        Assert.Contains("metrics", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listen_address_that_is_not_an_ip_address_is_rejected()
    {
        using var host = TelemetryHost.Build(new Dictionary<string, string?>
        {
            ["Hetero:Telemetry:Port"] = "0",
            ["Hetero:Telemetry:ListenAddress"] = "everywhere",
        });

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Hetero:Telemetry:ListenAddress", string.Join(" ", ex.Failures), StringComparison.Ordinal);
        Assert.Contains("'everywhere'", string.Join(" ", ex.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Otlp_endpoint_that_is_not_an_http_uri_is_rejected()
    {
        using var host = TelemetryHost.Build(new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "collector:4317" });

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("OTEL_EXPORTER_OTLP_ENDPOINT", string.Join(" ", ex.Failures), StringComparison.Ordinal);
        Assert.Contains("'collector:4317'", string.Join(" ", ex.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_options_pass()
    {
        var result = new TelemetryOptionsValidator().Validate(null, new TelemetryOptions
        {
            Port = 9464,
            ListenAddress = "127.0.0.1",
            ServiceName = "hetero-worker-classify",
            OtlpEndpoint = "http://otel-collector:4317",
        });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public async Task Nothing_configured_registers_no_pipeline_and_no_endpoint()
    {
        using var host = TelemetryHost.Build(new Dictionary<string, string?>());
        await host.StartAsync();
        try
        {
            Assert.Null(host.Services.GetService<MeterProvider>());
            Assert.Null(host.Services.GetService<TelemetryEndpointServer>());
            Assert.Empty(host.Services.GetServices<IHostedService>().OfType<TelemetryEndpointServer>());
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
