using HeteroAgents.Frontier;
using HeteroAgents.Plugins.Tests.Fakes;
using HeteroAgents.Testing.Chat;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HeteroAgents.Plugins.Tests;

/// <summary>The plugin services on MassTransit's test harness (in-memory bus that records everything published and sent).</summary>
internal sealed class HarnessHost : IAsyncDisposable
{
    private HarnessHost(ServiceProvider services, ITestHarness harness)
    {
        Services = services;
        Harness = harness;
    }

    public ServiceProvider Services { get; }

    public ITestHarness Harness { get; }

    public static async Task<HarnessHost> StartAsync(
        ScriptedFrontierChatClient? frontier = null,
        IDictionary<string, string?>? settings = null,
        Action<IBusRegistrationConfigurator, IConfiguration>? configureBus = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddMassTransitTestHarness(x =>
        {
            x.AddHeteroPluginRequestClients();
            configureBus?.Invoke(x, configuration);
        });
        services.AddHeteroAgentsPluginServices(configuration);
        if (frontier is not null)
        {
            services.AddHeteroFrontier(_ => frontier);
        }

        configureServices?.Invoke(services);
        var provider = services.BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        harness.TestInactivityTimeout = TimeSpan.FromSeconds(2);
        await harness.Start();
        return new HarnessHost(provider, harness);
    }

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await Services.DisposeAsync();
    }
}
