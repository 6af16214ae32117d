using HeteroAgents.Flywheel;
using HeteroAgents.Frontier;
using HeteroAgents.Messaging;
using HeteroAgents.Plugins;
using HeteroAgents.Plugins.SemanticKernel;
using HeteroAgents.Security;
using HeteroAgents.Worker.Hosting;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HeteroAgents.Orchestrator.Cli;

/// <summary>Builds the generic host a command runs in: configuration layers, logging to stderr, orchestrator services, bus, in-process workers.</summary>
internal static class OrchestratorHostFactory
{
    /// <summary>The configuration layers, lowest first: appsettings.json, environment (HETERO__...), the context's, the flags.</summary>
    public static IConfigurationBuilder AddLayers(IConfigurationBuilder builder, CliContext context, IReadOnlyDictionary<string, string?> flags) =>
        builder
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "hetero.appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(context.Configuration)
            .AddInMemoryCollection(flags);

    public static IConfiguration BuildConfiguration(CliContext context, IReadOnlyDictionary<string, string?> flags) =>
        AddLayers(new ConfigurationBuilder(), context, flags).Build();

    public static IHost Build(CliContext context, IReadOnlyDictionary<string, string?> flags, HostMode mode, Action<IServiceCollection, IConfiguration>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = AppContext.BaseDirectory,
        });
        AddLayers(builder.Configuration, context, flags);

        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);

        // A failed start is reported by CommandRunner as one clear line; the host's own log of it would repeat it with a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.Critical);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        var configuration = builder.Configuration;
        if (mode == HostMode.Tools)
        {
            builder.Services.AddHeteroSecretRedaction(configuration);
            builder.Services.TryAddSingleton(TimeProvider.System);
            configure?.Invoke(builder.Services, configuration);
            context.ConfigureServices?.Invoke(builder.Services);
            return builder.Build();
        }

        builder.Services.AddHeteroOrchestrator(configuration);
        if (mode != HostMode.StoreOnly)
        {
            // The frontier (and with it FrontierAvailability) first: the bus registration asks whether one is configured.
            builder.Services.AddFlywheel();
            builder.Services.AddHeteroAgentsPluginServices(configuration, f => f.UseFlywheelLogging().UseCostAccounting());
            builder.Services.AddHeteroPlanner();
            builder.Services.Configure<MassTransitHostOptions>(o =>
            {
                o.WaitUntilStarted = true;
                o.StartTimeout = TimeSpan.FromSeconds(30);
                o.StopTimeout = TimeSpan.FromSeconds(30);
            });
            builder.Services.AddHeteroMessaging(configuration, bus =>
            {
                bus.AddHeteroOutcomeRecorder();
                bus.AddHeteroPluginRequestClients();
                bus.AddFrontierEscalationConsumer();

                if (mode == HostMode.BusWithWorkers)
                {
                    bus.AddHeteroTaskConsumers();
                }
            });
        }

        if (mode == HostMode.BusWithWorkers)
        {
            builder.Services.AddHeteroWorker(configuration);
        }

        configure?.Invoke(builder.Services, configuration);
        context.ConfigureServices?.Invoke(builder.Services);
        return builder.Build();
    }
}
