using HeteroAgents.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Flywheel;

/// <summary>Registers the conversion loop's services.</summary>
public static class FlywheelServiceCollectionExtensions
{
    /// <summary>
    /// Registers the collection services (<see cref="FlywheelCollectionServiceCollectionExtensions.AddFlywheelCollection"/>:
    /// frontier-call log, cost accounting, escalation log) and binds and validates the options of the offline steps —
    /// <see cref="PiiScrubberOptions"/>, <see cref="ClusteringOptions"/>, <see cref="ExportOptions"/>, <see cref="EvalOptions"/>, <see cref="CalibrationOptions"/>,
    /// <see cref="ReportOptions"/> — from their sections; export and eval get the registered clustering and scrubbing options,
    /// and the report the registered prices, so cluster ids and prices agree across commands.
    /// </summary>
    public static IServiceCollection AddFlywheel(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddFlywheelCollection();
        services.AddOptions<PiiScrubberOptions>().BindConfiguration(PiiScrubberOptions.SectionName)
            .ValidateSection(PiiScrubberOptions.SectionName, new PiiScrubberOptionsAnnotationValidator()).ValidateOnStart();
        services.AddOptions<ClusteringOptions>().BindConfiguration(ClusteringOptions.SectionName)
            .ValidateSection(ClusteringOptions.SectionName, new ClusteringOptionsAnnotationValidator()).ValidateOnStart();
        services.AddOptions<ExportOptions>().BindConfiguration(ExportOptions.SectionName)
            .Configure<IOptions<ClusteringOptions>, IOptions<PiiScrubberOptions>>((o, c, s) => (o.Clustering, o.Scrub) = (c.Value, s.Value))
            .ValidateSection(ExportOptions.SectionName, new ExportOptionsAnnotationValidator()).ValidateOnStart();
        services.AddOptions<EvalOptions>().BindConfiguration(EvalOptions.SectionName)
            .Configure<IOptions<ClusteringOptions>, IOptions<PiiScrubberOptions>>((o, c, s) => (o.Clustering, o.Scrub) = (c.Value, s.Value))
            .ValidateSection(EvalOptions.SectionName, new EvalOptionsAnnotationValidator()).ValidateOnStart();
        services.AddOptions<CalibrationOptions>().BindConfiguration(CalibrationOptions.SectionName)
            .ValidateSection(CalibrationOptions.SectionName, new CalibrationOptionsAnnotationValidator()).ValidateOnStart();
        services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.SectionName)
            .Configure<IOptions<CostAccountingOptions>>((o, c) => o.Prices = c.Value)
            .ValidateSection(ReportOptions.SectionName, new ReportOptionsAnnotationValidator()).ValidateOnStart();
        return services;
    }
}
