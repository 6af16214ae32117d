using System.ClientModel;
using HeteroAgents.Security;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenAI;

namespace HeteroAgents.Frontier;

/// <summary>
/// Registers the frontier model as a keyed <see cref="IChatClient"/> (<see cref="HeteroFrontier.ServiceKey"/>), its
/// <see cref="FrontierAvailability"/> and the <see cref="EscalationResolver"/>.
/// </summary>
public static class FrontierServiceCollectionExtensions
{
    private const string ApiKeyFileKey = FrontierOptions.SectionName + ":" + nameof(FrontierOptions.ApiKeyFile);

    /// <summary>
    /// Binds <see cref="FrontierOptions"/> from <c>Hetero:Frontier</c> (validated at start) and, when a model is
    /// configured, registers an OpenAI-compatible <see cref="IChatClient"/> under <see cref="HeteroFrontier.ServiceKey"/>; registers
    /// the <see cref="FrontierAvailability"/> this implies and the <see cref="EscalationResolver"/> either way.
    /// <paramref name="configurePipeline"/> adds middleware around it (e.g. flywheel logging and cost accounting:
    /// <c>b => b.UseFlywheelLogging().UseCostAccounting()</c>). Without a model nothing is registered and
    /// escalations stay escalations.
    /// </summary>
    public static IServiceCollection AddHeteroFrontier(
        this IServiceCollection services,
        IConfiguration configuration,
        Action<ChatClientBuilder>? configurePipeline = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        AddResolver(services);
        services.AddOptions<FrontierOptions>()
            .BindConfiguration(FrontierOptions.SectionName)
            .ValidateSection(FrontierOptions.SectionName, new FrontierOptionsAnnotationValidator())
            .ReadSecretFile(ApiKeyFileKey, o => o.ApiKeyFile, (o, key) => o.ApiKeyFromFile = key)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FrontierOptions>, FrontierOptionsValidator>());

        // Whether a frontier exists decides what gets registered, so it is read before the container is built.
        var availability = FrontierAvailability.From(configuration);
        FrontierAvailability.Register(services, availability);
        if (!availability.IsConfigured)
        {
            return services;
        }

        return services.AddHeteroFrontier(
            sp => CreateOpenAiCompatibleClient(sp.GetRequiredService<IOptions<FrontierOptions>>().Value),
            configurePipeline);
    }

    /// <summary>
    /// Registers <paramref name="innerClientFactory"/>'s client as the frontier model, wrapped in the middleware
    /// added by <paramref name="configurePipeline"/>. Use it for a client built elsewhere (tests, custom providers).
    /// </summary>
    public static IServiceCollection AddHeteroFrontier(
        this IServiceCollection services,
        Func<IServiceProvider, IChatClient> innerClientFactory,
        Action<ChatClientBuilder>? configurePipeline = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(innerClientFactory);

        AddResolver(services);
        services.AddOptions<FrontierOptions>();
        FrontierAvailability.Register(services, FrontierAvailability.Configured);
        var builder = services.AddKeyedChatClient(HeteroFrontier.ServiceKey, innerClientFactory);
        configurePipeline?.Invoke(builder);
        return services;
    }

    /// <summary>
    /// Creates a chat client for an OpenAI-compatible endpoint. The key comes from <see cref="FrontierOptions.ApiKeyFromFile"/>
    /// (<see cref="FrontierOptions.ApiKeyFile"/> as read by <c>AddHeteroFrontier</c>) or else the environment variable named by <see cref="FrontierOptions.ApiKeyEnvironmentVariable"/>; endpoints other
    /// than OpenAI's may run without one.
    /// </summary>
    public static IChatClient CreateOpenAiCompatibleClient(FrontierOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsConfigured)
        {
            throw new InvalidOperationException("No frontier model is configured: set Hetero:Frontier:Model (environment HETERO__FRONTIER__MODEL).");
        }

        var key = options.ApiKeyFromFile ?? Environment.GetEnvironmentVariable(options.ApiKeyEnvironmentVariable);
        if (string.IsNullOrEmpty(key))
        {
            if (options.Endpoint is null)
            {
                throw new InvalidOperationException(
                    $"The frontier model uses OpenAI's endpoint but the environment variable {options.ApiKeyEnvironmentVariable} holding its API key is not set.");
            }

            key = "no-key"; // vLLM, Ollama and llama.cpp servers accept any bearer token when they run without authentication.
        }

        var clientOptions = new OpenAIClientOptions { NetworkTimeout = options.Timeout };
        if (options.Endpoint is not null)
        {
            clientOptions.Endpoint = options.Endpoint;
        }

        return new OpenAI.Chat.ChatClient(options.Model, new ApiKeyCredential(key), clientOptions).AsIChatClient();
    }

    private static void AddResolver(IServiceCollection services)
    {
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<EscalationResolver>();
    }
}
