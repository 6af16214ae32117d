using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HeteroAgents.Frontier;

/// <summary>
/// The one answer to "is a frontier model configured?", injected wherever it matters: the plugins (resolve an escalation
/// inline or throw), the batch outcome recorder (record an escalation, or leave it to the frontier), the bus registration
/// (add the escalation consumer or not), <c>hetero serve</c> and <c>hetero run</c>. <see cref="FrontierServiceCollectionExtensions.AddHeteroFrontier(IServiceCollection, IConfiguration, Action{Microsoft.Extensions.AI.ChatClientBuilder}?)"/>
/// registers it from <c>Hetero:Frontier:Model</c>; the overload that takes a client registers it as configured. Because
/// what gets registered depends on it, it is known before the container is built (<see cref="Of"/>).
/// </summary>
public sealed class FrontierAvailability
{
    private FrontierAvailability(bool isConfigured) => IsConfigured = isConfigured;

    /// <summary>A frontier model is registered.</summary>
    public static FrontierAvailability Configured { get; } = new(true);

    /// <summary>No frontier model: escalations stay escalations.</summary>
    public static FrontierAvailability NotConfigured { get; } = new(false);

    /// <summary>Whether a frontier model resolves escalations.</summary>
    public bool IsConfigured { get; }

    /// <summary>The answer <paramref name="configuration"/> gives: configured when <c>Hetero:Frontier:Model</c> is set.</summary>
    public static FrontierAvailability From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(FrontierOptions.SectionName).Get<FrontierOptions>() ?? new FrontierOptions();
        return options.IsConfigured ? Configured : NotConfigured;
    }

    /// <summary>The answer registered in <paramref name="services"/> so far (<see cref="NotConfigured"/> when none is).</summary>
    public static FrontierAvailability Of(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.LastOrDefault(d => d.ServiceType == typeof(FrontierAvailability))?.ImplementationInstance as FrontierAvailability
            ?? NotConfigured;
    }

    /// <summary>Registers <paramref name="availability"/>; a frontier registered earlier stays registered.</summary>
    internal static void Register(IServiceCollection services, FrontierAvailability availability)
    {
        var effective = Of(services).IsConfigured || availability.IsConfigured ? Configured : NotConfigured;
        services.RemoveAll<FrontierAvailability>();
        services.AddSingleton(effective);
    }
}
