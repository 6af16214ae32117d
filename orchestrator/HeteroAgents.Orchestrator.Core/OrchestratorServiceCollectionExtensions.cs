using HeteroAgents.Contracts;
using HeteroAgents.Messaging;
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
    /// <see cref="RedisOptions"/> (<c>Hetero:Redis</c>), all validated at start, and registers the batch store
    /// chosen by <see cref="BatchJobOptions.Store"/> (Auto: Redis on RabbitMQ, in-memory otherwise), the parser,
    /// the submitter and the monitor. Needs a bus (<c>AddHeteroMessaging</c>) for submitting.
    /// </summary>
    public static IServiceCollection AddHeteroOrchestrator(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddHeteroSecretRedaction(configuration);
        services.AddOptions<BatchJobOptions>().BindConfiguration(BatchJobOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TaskInputParserOptions>().BindConfiguration(BatchJobOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new TaskInputParser(sp.GetRequiredService<IOptions<TaskInputParserOptions>>().Value));

        if (ResolveStoreKind(configuration) == StoreKind.Redis)
        {
            services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.SectionName)
                .PostConfigure(o => o.Password = SecretFile.ReadOrDefault(o.PasswordFile, RedisOptions.SectionName + ":PasswordFile", o.Password))
                .ValidateDataAnnotations()
                .ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisOptions>, RedisOptionsValidator>());
            services.TryAddSingleton<RedisConnection>();
            services.TryAddSingleton<IBatchStore, RedisBatchStore>();
            if (!services.Any(d => d.ServiceType == typeof(RedisHealthCheck)))
            {
                // Readiness (behind /healthz/ready when the telemetry port is on): the store answers a ping.
                services.AddSingleton<RedisHealthCheck>();
                services.AddHealthChecks().AddCheck<RedisHealthCheck>(RedisHealthCheck.Name, tags: ["ready"]);
            }
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
