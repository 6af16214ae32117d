using HeteroAgents.Contracts;
using HeteroAgents.Messaging;
using HeteroAgents.Redis;
using HeteroAgents.Security;
using HeteroAgents.Orchestrator.Batches;
using HeteroAgents.Orchestrator.Options;
using HeteroAgents.Orchestrator.Recording;
using HeteroAgents.Orchestrator.Store;
using HeteroAgents.Orchestrator.Telemetry;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Orchestrator;

/// <summary>Registers the batch orchestrator: options, parser, store, submitter, monitor.</summary>
public static class OrchestratorServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="BatchJobOptions"/> and <see cref="TaskInputParserOptions"/> (<c>Hetero:Batch</c>) and
    /// — with the Redis store — the process's one Redis connection (<see cref="RedisServiceCollectionExtensions.AddHeteroRedis"/>,
    /// <see cref="RedisOptions"/> of <c>Hetero:Redis</c>), all validated at start, and registers the batch store
    /// chosen by <see cref="BatchJobOptions.Store"/> (Auto: Redis on RabbitMQ, in-memory otherwise), the parser,
    /// the submitter and the monitor. Needs a bus (<c>AddHeteroMessaging</c>) for submitting.
    /// </summary>
    public static IServiceCollection AddHeteroOrchestrator(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddHeteroSecretRedaction(configuration);
        services.AddOptions<BatchJobOptions>().BindConfiguration(BatchJobOptions.SectionName)
            .ValidateSection(BatchJobOptions.SectionName, new BatchJobOptionsAnnotationValidator()).ValidateOnStart();
        services.AddOptions<TaskInputParserOptions>().BindConfiguration(BatchJobOptions.SectionName)
            .ValidateSection(BatchJobOptions.SectionName, new TaskInputParserOptionsAnnotationValidator()).ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(TaskKindRegistry.Default);
        services.TryAddSingleton(sp => new TaskInputParser(sp.GetRequiredService<IOptions<TaskInputParserOptions>>().Value, sp.GetRequiredService<TaskKindRegistry>()));

        if (ResolveStoreKind(configuration) == StoreKind.Redis)
        {
            services.AddHeteroRedis().ValidateOnStart();
            services.TryAddSingleton<IBatchStore, RedisBatchStore>();

            // Readiness (behind /healthz/ready when the telemetry port is on): the store answers a ping.
            services.AddHeteroRedisReadinessCheck();
        }
        else
        {
            services.TryAddSingleton<IBatchStore, InMemoryBatchStore>();
        }

        services.AddMetrics();
        services.TryAddSingleton<OrchestratorMetrics>();
        services.TryAddSingleton<ITaskSender, BusTaskSender>();
        services.TryAddSingleton<BatchSubmitter>();
        services.TryAddSingleton<BatchMonitor>();
        return services;
    }

    /// <summary>Adds the <see cref="TaskOutcomeRecorder"/> on its durable queue <c>hetero-results</c>.</summary>
    public static IBusRegistrationConfigurator AddHeteroOutcomeRecorder(this IBusRegistrationConfigurator bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        bus.AddConsumer<TaskOutcomeRecorder, TaskOutcomeRecorderDefinition>();
        return bus;
    }

    /// <summary>The effective store kind: <see cref="BatchJobOptions.Store"/>, with Auto meaning Redis on RabbitMQ and in-memory otherwise.</summary>
    public static StoreKind ResolveStoreKind(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var kind = configuration.GetSection(BatchJobOptions.SectionName).GetValue(nameof(BatchJobOptions.Store), StoreKind.Auto);
        if (kind != StoreKind.Auto)
        {
            return kind;
        }

        var transport = configuration.GetSection(MessagingOptions.SectionName).GetValue(nameof(MessagingOptions.Transport), TransportKind.InMemory);
        return transport == TransportKind.RabbitMq ? StoreKind.Redis : StoreKind.InMemory;
    }
}
