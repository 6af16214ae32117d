using HeteroAgents.Contracts;
using HeteroAgents.Inference.Constraints;
using HeteroAgents.Inference.Hub;
using HeteroAgents.Inference.LlamaSharp;
using HeteroAgents.Redis;
using HeteroAgents.Security;
using HeteroAgents.Inference.Onnx;
using HeteroAgents.Worker.Backends;
using HeteroAgents.Worker.Confidence;
using HeteroAgents.Worker.Options;
using HeteroAgents.Worker.Pipeline;
using HeteroAgents.Worker.Prompts;
using HeteroAgents.Worker.Routing;
using MassTransit;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Worker.Hosting;

/// <summary>Registers the worker pipeline.</summary>
public static class WorkerServiceCollectionExtensions
{
    /// <summary>
    /// Registers the worker pipeline for all task types: options <see cref="WorkerOptions"/> (<c>Hetero:Worker</c>) and
    /// <see cref="SlmOptions"/> (<c>Hetero:Slm</c>), validated at start; input checkers, prompt builders, schema and
    /// semantic validators, confidence estimation; and the SLM <see cref="IChatClient"/> (keyed
    /// <see cref="WorkerServiceKeys.ChatClient"/>) chosen by <see cref="ChatBackendFactory"/> with its middleware.
    /// It does not add the bus: call <c>AddHeteroMessaging(configuration, x =&gt; x.AddHeteroTaskConsumers(...))</c> for that.
    /// </summary>
    public static IServiceCollection AddHeteroWorker(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<WorkerOptions>().Bind(configuration.GetSection(WorkerOptions.SectionName))
            .ValidateSection(WorkerOptions.SectionName, new WorkerOptionsAnnotationValidator()).ValidateOnStart();
        services.AddOptions<SlmOptions>().Bind(configuration.GetSection(SlmOptions.SectionName)).PostConfigure<ModelStore>(SlmModelFolder.Apply)
            .ReadSecretFile(SlmOptions.SectionName + ":ApiKeyFile", o => o.ApiKeyFile, (o, key) => o.ApiKey = key)
            .ValidateSection(SlmOptions.SectionName, new SlmOptionsAnnotationValidator()).ValidateOnStart();
        services.AddHeteroModelStore(configuration);
        // Continuous batching decodes as many sequences together as the worker processes tasks at once.
        services.AddOptions<OnnxModelOptions>().Bind(configuration.GetSection(OnnxBackendProvider.SectionName))
            .PostConfigure<IOptions<HeteroAgents.Messaging.MessagingOptions>>((o, m) => o.MaxBatchSize = o.MaxBatchSize > 0 ? o.MaxBatchSize : Math.Clamp(m.Value.ConcurrentMessageLimit, 1, 256))
            .ValidateSection(OnnxBackendProvider.SectionName, new OnnxModelOptionsAnnotationValidator()).ValidateOnStart();
        services.AddOptions<LlamaSharpModelOptions>().Bind(configuration.GetSection(LlamaSharpBackendProvider.SectionName))
            .PostConfigure<IOptions<HeteroAgents.Messaging.MessagingOptions>>((o, m) => o.MaxBatchSize = o.MaxBatchSize > 0 ? o.MaxBatchSize : Math.Clamp(m.Value.ConcurrentMessageLimit, 1, 256))
            .ValidateSection(LlamaSharpBackendProvider.SectionName, new LlamaSharpModelOptionsAnnotationValidator()).ValidateOnStart();
        services.AddOptions<DecodingConstraintOptions>().Bind(configuration.GetSection(OnnxBackendProvider.SectionName + ":Decoding"))
            .ValidateSection(OnnxBackendProvider.SectionName + ":Decoding", new DecodingConstraintOptionsAnnotationValidator()).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlmOptions>, SlmBackendValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LlamaSharpModelOptions>, LlamaSharpNativeLibraryValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<WorkerMetrics>();

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChatBackendProvider, UnconfiguredBackendProvider>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChatBackendProvider, OpenAiCompatibleBackendProvider>());
        services.TryAddSingleton<OnnxModelHost>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChatBackendProvider, OnnxBackendProvider>());
        services.TryAddSingleton<LlamaSharpModelHost>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChatBackendProvider, LlamaSharpBackendProvider>());
        services.TryAddSingleton<ChatBackendFactory>();
        services.TryAddKeyedSingleton<IChatClient>(WorkerServiceKeys.ChatClient, (sp, _) => sp.GetRequiredService<ChatBackendFactory>().Create());
        services.TryAddSingleton(sp =>
        {
            var backend = sp.GetRequiredService<ChatBackendFactory>().ResolveBackendName();
            var model = sp.GetRequiredService<IOptions<SlmOptions>>().Value.Model;
            return new ServedByName(string.Equals(backend, BackendNames.Unconfigured, StringComparison.OrdinalIgnoreCase) ? "slm:unconfigured" : "slm:" + model);
        });

        // Readiness: the model is loaded (onnx) or the backend is usable; the warm-up loads the model at start.
        if (!services.Any(d => d.ServiceType == typeof(SlmModelWarmup)))
        {
            services.AddSingleton<SlmModelWarmup>();
            services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<SlmModelWarmup>());
            services.AddHealthChecks().AddCheck<SlmBackendHealthCheck>(SlmBackendHealthCheck.Name, tags: ["ready"]);
        }

        // One compiled-schema cache for input and result validation; the rules and the validator are Contracts' own.
        services.TryAddSingleton(sp => new JsonSchemaCache(sp.GetRequiredService<IOptions<WorkerOptions>>().Value.SchemaCacheSize));
        services.TryAddSingleton(sp => new TaskInputRules(TaskInputLimits.Default, sp.GetRequiredService<JsonSchemaCache>()));
        services.TryAddSingleton(sp => new TaskResultValidator(sp.GetRequiredService<JsonSchemaCache>(),
            minSummaryFaithfulness: sp.GetRequiredService<IOptions<WorkerOptions>>().Value.MinSummaryFaithfulness));
        services.TryAddSingleton<ConfidenceEstimator>();
        services.TryAddSingleton<TaskConfidenceEstimator>();

        // Routing: the policy (file or Redis key, validated at start, re-read while running) and the confidence gate.
        services.AddOptions<RoutingOptions>().Bind(configuration.GetSection(RoutingOptions.SectionName))
            .ValidateSection(RoutingOptions.SectionName, new RoutingOptionsAnnotationValidator()).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RoutingOptions>, RoutingOptionsValidator>());
        if (!string.IsNullOrWhiteSpace(configuration[RoutingOptions.SectionName + ":" + nameof(RoutingOptions.PolicyRedisKey)]))
        {
            services.AddHeteroRedis();
        }

        services.TryAddSingleton(sp => new RoutingPolicySourceFactory(
            sp.GetService<RedisConnection>() is { } redis ? key => new RedisRoutingPolicySource(redis, key) : null));
        services.TryAddSingleton<RoutingPolicyProvider>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RoutingPolicyReloader>());
        services.TryAddSingleton<ConfidenceGate>();
        services.TryAddSingleton<SlmModelClients>();
        services.TryAddSingleton<InContextExamples>();

        // The kinds served (AddHeteroTaskConsumers registers its registry first) and each kind's prompt builder.
        services.TryAddSingleton(TaskKindRegistry.Default);
        services.TryAddSingleton<IPromptBuilder<ClassifyTask>, ClassifyPromptBuilder>();
        services.TryAddSingleton<IPromptBuilder<ExtractTask>, ExtractPromptBuilder>();
        services.TryAddSingleton<IPromptBuilder<ToolCallTask>, ToolCallPromptBuilder>();
        services.TryAddSingleton<IPromptBuilder<SummarizeTask>, SummarizePromptBuilder>();

        services.TryAddSingleton(typeof(TaskProcessor<>));

        // Graceful shutdown: the bus stops taking messages and in-flight tasks get this long to finish.
        var shutdown = TimeSpan.FromSeconds(configuration.GetSection(WorkerOptions.SectionName).Get<WorkerOptions>()?.ShutdownTimeoutSeconds ?? 30);
        services.Configure<HostOptions>(o => o.ShutdownTimeout = shutdown > o.ShutdownTimeout ? shutdown : o.ShutdownTimeout);
        services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StopTimeout = shutdown;
        });

        return services;
    }

    /// <summary>
    /// Registers a model backend under <paramref name="name"/>, selectable with <c>Hetero:Slm:Backend</c>. A later
    /// registration of the same name replaces an earlier one. This is the seam for further runtimes (the in-process
    /// ONNX runtime) and for test backends.
    /// </summary>
    public static IServiceCollection AddHeteroChatBackend(this IServiceCollection services, string name, Func<IServiceProvider, SlmOptions, IChatClient> factory)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        services.AddSingleton<IChatBackendProvider>(sp => new DelegateChatBackendProvider(name, sp, factory));
        return services;
    }
}
