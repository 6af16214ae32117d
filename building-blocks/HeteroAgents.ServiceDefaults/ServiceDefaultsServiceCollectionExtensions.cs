using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace HeteroAgents.ServiceDefaults;

/// <summary>Registers the service defaults every HeteroAgents process shares: health checks, OpenTelemetry, the telemetry port.</summary>
public static class ServiceDefaultsServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="TelemetryOptions"/> (<c>Hetero:Telemetry</c>, validated at start), adds the health-check service
    /// with a liveness check (<c>self</c>, tag <see cref="HealthTags.Live"/>; other registrations add ready checks), and,
    /// only when telemetry is wanted:
    /// <list type="bullet">
    /// <item>metrics from the <see cref="TelemetryNames.HeteroAgents"/>, <see cref="TelemetryNames.MassTransit"/> and
    /// <see cref="TelemetryNames.Runtime"/> meters, when <c>Hetero:Telemetry:Port</c> or <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
    /// is set or <paramref name="metrics"/> is given;</item>
    /// <item>traces from the HeteroAgents and MassTransit activity sources (MassTransit carries the W3C trace context in
    /// message headers, so a task's spans on the orchestrator, the bus and the worker form one trace), when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set or <paramref name="tracing"/> is given (a Prometheus port alone records no spans);</item>
    /// <item>the <see cref="TelemetryEndpointServer"/> (<c>/healthz/live</c>, <c>/healthz/ready</c>, <c>/metrics</c>) when the port is set;</item>
    /// <item>OTLP exporters for both signals when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the standard <c>OTEL_*</c> variables apply).</item>
    /// </list>
    /// With nothing configured nothing listens and no telemetry pipeline exists, so the embedded default costs nothing.
    /// A second call on the same services changes nothing.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The host's configuration (read here to decide what to register).</param>
    /// <param name="serviceName">The default <c>service.name</c>, e.g. <c>hetero-worker-classify</c>; <c>Hetero:Telemetry:ServiceName</c> overrides it.</param>
    /// <param name="tracing">Extra tracing setup (e.g. an in-memory exporter in tests); enables tracing.</param>
    /// <param name="metrics">Extra metrics setup (e.g. an in-memory exporter in tests); enables metrics.</param>
    public static IServiceCollection AddHeteroServiceDefaults(
        this IServiceCollection services,
        IConfiguration configuration,
        string serviceName,
        Action<TracerProviderBuilder>? tracing = null,
        Action<MeterProviderBuilder>? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        if (services.Any(d => d.ServiceType == typeof(IValidateOptions<TelemetryOptions>)))
        {
            return services;
        }

        services.AddOptions<TelemetryOptions>()
            .Bind(configuration.GetSection(TelemetryOptions.SectionName))
            .Configure(o => o.OtlpEndpoint ??= configuration[TelemetryOptions.OtlpEndpointVariable])
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>());
        services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy("The process answers."), [HealthTags.Live]);

        var section = configuration.GetSection(TelemetryOptions.SectionName);
        var endpoint = !string.IsNullOrWhiteSpace(section[nameof(TelemetryOptions.Port)]);
        var push = !string.IsNullOrWhiteSpace(configuration[TelemetryOptions.OtlpEndpointVariable]);
        if (!endpoint && !push && tracing is null && metrics is null)
        {
            return services;
        }

        var name = section[nameof(TelemetryOptions.ServiceName)] is { Length: > 0 } configured ? configured : serviceName;
        var otel = services.AddOpenTelemetry().ConfigureResource(r => r.AddService(name, serviceVersion: typeof(ServiceDefaultsServiceCollectionExtensions).Assembly.GetName().Version?.ToString()));
        otel.WithMetrics(m =>
        {
            m.AddMeter(TelemetryNames.HeteroAgents, TelemetryNames.MassTransit, TelemetryNames.Runtime);
            if (endpoint)
            {
                m.AddPrometheusExporter();
            }

            if (push)
            {
                m.AddOtlpExporter();
            }

            metrics?.Invoke(m);
        });

        if (push || tracing is not null)
        {
            otel.WithTracing(t =>
            {
                t.AddSource(TelemetryNames.HeteroAgents, TelemetryNames.MassTransit);
                if (push)
                {
                    t.AddOtlpExporter();
                }

                tracing?.Invoke(t);
            });
        }

        if (endpoint)
        {
            services.AddOptions<PrometheusAspNetCoreOptions>()
                .Configure<IOptions<TelemetryOptions>>((prometheus, telemetry) => prometheus.ScrapeResponseCacheDurationMilliseconds = telemetry.Value.ScrapeCacheMilliseconds);
            services.TryAddSingleton<TelemetryEndpointServer>();
            services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<TelemetryEndpointServer>());
        }

        return services;
    }
}
