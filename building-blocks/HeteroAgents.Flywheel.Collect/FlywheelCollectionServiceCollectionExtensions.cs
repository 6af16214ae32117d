using HeteroAgents.Frontier;
using HeteroAgents.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace HeteroAgents.Flywheel;

/// <summary>Registers what every host that calls a frontier model runs for the conversion loop.</summary>
public static class FlywheelCollectionServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="FlywheelLoggingOptions"/> (section <see cref="FlywheelLoggingOptions.SectionName"/>) and
    /// <see cref="CostAccountingOptions"/> (section <see cref="CostAccountingOptions.SectionName"/>), both validated at start,
    /// a <see cref="CostLedger"/>, the <see cref="FlywheelEscalationLog"/> that appends SLM escalations (also as the
    /// <see cref="IEscalationLog"/> of the plugins and the batch outcome recorder), and the <see cref="IFrontierCallLog"/> the
    /// options select: JSONL files, or a Redis stream over the process's one <see cref="IConnectionMultiplexer"/>
    /// (<c>Hetero:Redis</c>, checked at start when that sink is on). The frontier client's pipeline adds the stages with
    /// <c>b =&gt; b.UseFlywheelLogging().UseCostAccounting()</c>. Calling it again changes nothing.
    /// </summary>
    public static IServiceCollection AddFlywheelCollection(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(FlywheelEscalationLog)))
        {
            return services;
        }

        services.AddOptions<FlywheelLoggingOptions>().BindConfiguration(FlywheelLoggingOptions.SectionName)
            .ValidateSection(FlywheelLoggingOptions.SectionName, new FlywheelLoggingOptionsAnnotationValidator()).ValidateOnStart();
        FlywheelRedisSink.Register(services);
        services.AddOptions<CostAccountingOptions>().BindConfiguration(CostAccountingOptions.SectionName)
            .ValidateSection(CostAccountingOptions.SectionName, new CostAccountingOptionsAnnotationValidator()).ValidateOnStart();
        services.TryAddSingleton<CostLedger>();
        services.AddSingleton(sp => new FlywheelEscalationLog(
            sp, sp.GetRequiredService<IOptions<FlywheelLoggingOptions>>(), sp.GetService<TimeProvider>(), sp.GetService<ILogger<FlywheelEscalationLog>>()));
        services.TryAddSingleton<IEscalationLog>(sp => sp.GetRequiredService<FlywheelEscalationLog>());
        services.TryAddSingleton<IFrontierCallLog>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<FlywheelLoggingOptions>>().Value;
            return options.Sink == FrontierLogSink.Redis
                ? new RedisStreamFrontierCallLog(sp.GetRequiredService<IConnectionMultiplexer>(), options.StreamKey, options.StreamMaxLength)
                : new JsonlFrontierCallLog(options.DataDirectory, sp.GetService<TimeProvider>());
        });
        return services;
    }
}
