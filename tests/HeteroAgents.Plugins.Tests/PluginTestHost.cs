using HeteroAgents.Frontier;
using HeteroAgents.Plugins.SemanticKernel;
using HeteroAgents.Plugins.Tests.Fakes;
using HeteroAgents.Testing.Chat;
using HeteroAgents.Worker.Hosting;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HeteroAgents.Plugins.Tests;

/// <summary>
/// A started service provider holding the real worker consumers (scripted SLM backend) and the plugin services on one
/// bus — in-memory or RabbitMQ — plus, optionally, the scripted frontier.
/// </summary>
internal sealed class PluginTestHost : IAsyncDisposable
{
    private readonly List<IHostedService> _started = [];

    private PluginTestHost(ServiceProvider services) => Services = services;

    public ServiceProvider Services { get; }

    public static async Task<PluginTestHost> StartAsync(
        ScriptedChatClient slm,
        ScriptedFrontierChatClient? frontier,
        IDictionary<string, string?>? settings = null,
        Action<IBusRegistrationConfigurator>? configureBus = null,
        Action<IServiceCollection>? configureServices = null,
        Action<Microsoft.Extensions.AI.ChatClientBuilder>? frontierPipeline = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Hetero:Messaging:Transport"] = "InMemory",
            ["Hetero:Messaging:RetryLimit"] = "1",
            ["Hetero:Slm:Backend"] = "scripted",
            ["Hetero:Slm:Model"] = "tiny-slm",
            ["Hetero:Plugins:RequestTimeout"] = "00:00:30",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddHeteroWorker(configuration);
        services.AddHeteroChatBackend("scripted", (_, _) => slm);
        services.AddHeteroAgentsPlugins(configuration, bus =>
        {
            bus.AddHeteroTaskConsumers();
            configureBus?.Invoke(bus);
        });
        services.AddHeteroPlanner();
        if (frontier is not null)
        {
            services.AddHeteroFrontier(_ => frontier, frontierPipeline);
        }

        configureServices?.Invoke(services);

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = false });
        var host = new PluginTestHost(provider);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(cts.Token);
            host._started.Add(hosted);
        }

        return host;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in Enumerable.Reverse(_started))
        {
            await hosted.StopAsync(CancellationToken.None);
        }

        await Services.DisposeAsync();
    }
}
