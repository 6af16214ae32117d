using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace HeteroAgents.Flywheel;

/// <summary>Registers the conversion loop's services.</summary>
public static class FlywheelServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="FlywheelLoggingOptions"/> (section <see cref="FlywheelLoggingOptions.SectionName"/>) and
    /// <see cref="CostAccountingOptions"/> (section <see cref="CostAccountingOptions.SectionName"/>), both validated at start,
    /// a <see cref="CostLedger"/>, the <see cref="FlywheelEscalationLog"/> that appends SLM escalations, and the <see cref="IFrontierCallLog"/> the options select (JSONL files, or a Redis
    /// stream over the registered <see cref="IConnectionMultiplexer"/> or one connected from
    /// the <see cref="RedisConnectionOptions"/> of <see cref="FlywheelLoggingOptions.RedisSectionName"/> — user, password or
    /// password file, TLS — with the endpoints of <see cref="FlywheelLoggingOptions.RedisConfiguration"/> when set, checked
    /// at start like the orchestrator's). Also binds and validates the options of the later steps —
    /// <see cref="PiiScrubberOptions"/>, <see cref="ClusteringOptions"/>, <see cref="ExportOptions"/>, <see cref="EvalOptions"/>,
    /// <see cref="ReportOptions"/> — from their sections; export and eval get the registered clustering and scrubbing options,
    /// and the report the registered prices, so cluster ids and prices agree across commands.
    /// </summary>
    public static IServiceCollection AddFlywheel(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<FlywheelLoggingOptions>().BindConfiguration(FlywheelLoggingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        FlywheelRedisSink.Register(services);
        services.AddOptions<CostAccountingOptions>().BindConfiguration(CostAccountingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PiiScrubberOptions>().BindConfiguration(PiiScrubberOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ClusteringOptions>().BindConfiguration(ClusteringOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ExportOptions>().BindConfiguration(ExportOptions.SectionName)
            .Configure<IOptions<ClusteringOptions>, IOptions<PiiScrubberOptions>>((o, c, s) => (o.Clustering, o.Scrub) = (c.Value, s.Value))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EvalOptions>().BindConfiguration(EvalOptions.SectionName)
            .Configure<IOptions<ClusteringOptions>, IOptions<PiiScrubberOptions>>((o, c, s) => (o.Clustering, o.Scrub) = (c.Value, s.Value))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.SectionName)
            .Configure<IOptions<CostAccountingOptions>>((o, c) => o.Prices = c.Value)
            .ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<CostLedger>();
        services.TryAddSingleton(sp => new FlywheelEscalationLog(
            sp, sp.GetRequiredService<IOptions<FlywheelLoggingOptions>>(), sp.GetService<TimeProvider>(), sp.GetService<ILogger<FlywheelEscalationLog>>()));
        services.TryAddSingleton<IFrontierCallLog>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<FlywheelLoggingOptions>>().Value;
            if (options.Sink == FrontierLogSink.Redis)
            {
                var connection = sp.GetService<IConnectionMultiplexer>()
                    ?? ConnectionMultiplexer.Connect(FlywheelRedisSink.Create(options, sp.GetRequiredService<IOptions<RedisConnectionOptions>>().Value));
                return new RedisStreamFrontierCallLog(connection, options.StreamKey, options.StreamMaxLength);
            }

            return new JsonlFrontierCallLog(options.DataDirectory, sp.GetService<TimeProvider>());
        });
        return services;
    }
}
