using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace HeteroAgents.ServiceDefaults;

/// <summary>
/// The process's telemetry port (<see cref="TelemetryOptions.Port"/>): a small Kestrel server beside the host that answers
/// <c>GET /healthz/live</c> (checks tagged <see cref="HealthTags.Live"/>), <c>GET /healthz/ready</c> (tagged
/// <see cref="HealthTags.Live"/> or <see cref="HealthTags.Ready"/>; 200 when healthy or degraded, 503 when unhealthy) and
/// <c>GET /metrics</c> (Prometheus text format). It starts before every other hosted service, so liveness answers while the
/// bus is still connecting, and stops after them, so metrics stay scrapeable while in-flight work drains.
/// </summary>
public sealed partial class TelemetryEndpointServer(
    IOptions<TelemetryOptions> options,
    HealthCheckService healthChecks,
    MeterProvider meterProvider,
    ILoggerFactory loggerFactory) : IHostedLifecycleService, IAsyncDisposable
{
    /// <summary>The liveness path.</summary>
    public const string LivePath = "/healthz/live";

    /// <summary>The readiness path.</summary>
    public const string ReadyPath = "/healthz/ready";

    /// <summary>The Prometheus scrape path.</summary>
    public const string MetricsPath = "/metrics";

    private WebApplication? _app;

    /// <summary>The port the endpoint listens on once started (the chosen one when <see cref="TelemetryOptions.Port"/> is 0); null before.</summary>
    public int? BoundPort { get; private set; }

    /// <summary>Starts the endpoint before the other hosted services start.</summary>
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var port = settings.Port ?? throw new InvalidOperationException("Hetero:Telemetry:Port is not set; the telemetry endpoint has nothing to listen on.");
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(TelemetryEndpointServer).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(IPAddress.Parse(settings.ListenAddress), port);
        });
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(healthChecks);

        var app = builder.Build();
        app.UseOpenTelemetryPrometheusScrapingEndpoint(meterProvider, predicate: null, MetricsPath, configureBranchedPipeline: null, optionsName: null);
        app.MapHealthChecks(LivePath, Health(r => r.Tags.Contains(HealthTags.Live)));
        app.MapHealthChecks(ReadyPath, Health(r => r.Tags.Contains(HealthTags.Live) || r.Tags.Contains(HealthTags.Ready)));
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException(
                $"The telemetry endpoint cannot listen on {settings.ListenAddress}:{port} (Hetero:Telemetry:Port / HETERO__TELEMETRY__PORT): {ex.Message}", ex);
        }

        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        BoundPort = address is null ? port : new Uri(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)).Port;
        LogListening(loggerFactory.CreateLogger<TelemetryEndpointServer>(), BoundPort, LivePath, ReadyPath, MetricsPath);
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Stops the endpoint after every other hosted service has stopped.</summary>
    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync(cancellationToken).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static HealthCheckOptions Health(Func<HealthCheckRegistration, bool> predicate) => new()
    {
        Predicate = predicate,
        ResponseWriter = HealthResponseWriter.WriteAsync,
        AllowCachingResponses = false,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Telemetry endpoint on port {Port}: {Live}, {Ready}, {Metrics}")]
    private static partial void LogListening(ILogger logger, int? port, string live, string ready, string metrics);
}
