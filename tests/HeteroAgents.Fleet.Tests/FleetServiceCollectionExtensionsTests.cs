using HeteroAgents.Fleet.Management;
using HeteroAgents.Fleet.Status;
using HeteroAgents.Fleet.Supervision;
using HeteroAgents.Fleet.Tests.Management;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HeteroAgents.Fleet.Tests;

public sealed class FleetServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddHeteroFleet();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public void Management_client_takes_its_address_from_the_messaging_options()
    {
        using var provider = Build(new() { ["Hetero:Messaging:RabbitMq:ManagementUri"] = "http://broker.example:15999/" });
        var client = provider.GetRequiredService<RabbitMqManagementClient>();
        Assert.Equal(new Uri("http://broker.example:15999/"), client.BaseUri);
        Assert.IsType<RabbitMqManagementClient>(provider.GetRequiredService<IQueueStatsSource>());
        Assert.IsType<ProcessWorkerLauncher>(provider.GetRequiredService<IWorkerLauncher>());
        Assert.Same(provider.GetRequiredService<WorkerSupervisor>(), provider.GetRequiredService<WorkerSupervisor>());
    }

    [Fact]
    public async Task Status_service_from_the_container_reads_the_real_broker()
    {
        var broker = LiveBroker.Options;
        using var provider = Build(new()
        {
            ["Hetero:Messaging:RabbitMq:ManagementUri"] = broker.ManagementUri.ToString(),
            ["Hetero:Messaging:RabbitMq:Username"] = broker.Username,
            ["Hetero:Messaging:RabbitMq:Password"] = broker.Password,
        });

        FleetStatusSnapshot snapshot;
        try
        {
            snapshot = await provider.GetRequiredService<FleetStatusService>().GetAsync(CancellationToken.None);
        }
        catch (RabbitMqManagementException ex)
        {
            Assert.Fail(ex.Message);
            throw;
        }

        Assert.Equal(4, snapshot.Rows.Count);
        Assert.True(snapshot.Succeeded);
    }
}
