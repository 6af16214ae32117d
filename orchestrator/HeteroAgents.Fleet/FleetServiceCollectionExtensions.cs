using HeteroAgents.Fleet.Management;
using HeteroAgents.Fleet.Status;
using HeteroAgents.Fleet.Supervision;
using HeteroAgents.Fleet.Telemetry;
using Microsoft.Extensions.Hosting;
using HeteroAgents.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Fleet;

/// <summary>Registers the fleet services for <c>hetero fleet status</c> and <c>hetero fleet up</c>.</summary>
public static class FleetServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="RabbitMqManagementClient"/> (as <see cref="IQueueStatsSource"/>, over a named
    /// <see cref="HttpClient"/> with a 10 s timeout), <see cref="FleetStatusService"/>,
    /// <see cref="ProcessWorkerLauncher"/> (as <see cref="IWorkerLauncher"/>) and <see cref="WorkerSupervisor"/>.
    /// The broker address and credentials come from <see cref="MessagingOptions.RabbitMq"/>
    /// (<c>Hetero:Messaging:RabbitMq</c>, environment <c>HETERO__MESSAGING__RABBITMQ__*</c>), bound and validated here
    /// too so the fleet commands work without the bus. Uses <see cref="TimeProvider.System"/> unless one is registered.
    /// </summary>
    public static IServiceCollection AddHeteroFleet(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddHeteroMessagingOptions();
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(nameof(RabbitMqManagementClient), http => http.Timeout = TimeSpan.FromSeconds(10));
        services.TryAddTransient(sp => new RabbitMqManagementClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(RabbitMqManagementClient)),
            sp.GetRequiredService<IOptions<MessagingOptions>>().Value.RabbitMq,
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddTransient<IQueueStatsSource>(sp => sp.GetRequiredService<RabbitMqManagementClient>());
        services.TryAddTransient(sp => new FleetStatusService(sp.GetRequiredService<IQueueStatsSource>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IWorkerLauncher, ProcessWorkerLauncher>();
        services.TryAddSingleton<WorkerSupervisor>();
        return services;
    }

    /// <summary>
    /// Adds <see cref="FleetMetrics"/> (meter <c>HeteroAgents.Fleet</c>: queue depth and consumers from the RabbitMQ management
    /// API, and the worker counts of <c>hetero fleet up</c>) as a hosted service, with the fleet services it reads.
    /// </summary>
    public static IServiceCollection AddHeteroFleetMetrics(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddHeteroFleet();
        services.AddMetrics();
        if (!services.Any(d => d.ServiceType == typeof(FleetMetrics)))
        {
            services.AddSingleton<FleetMetrics>();
            services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<FleetMetrics>());
        }

        return services;
    }
}
