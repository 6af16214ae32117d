using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Frontier.Tests;

public sealed class FrontierServiceCollectionExtensionsTests
{
    private sealed class MarkerChatClient(IChatClient inner) : DelegatingChatClient(inner);

    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<ChatClientBuilder>? pipeline = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddHeteroFrontier(configuration, pipeline);
        return services.BuildServiceProvider(true);
    }

    [Fact]
    public void Without_a_model_no_frontier_client_is_registered()
    {
        using var services = Build([]);

        Assert.Null(services.GetKeyedService<IChatClient>(HeteroFrontier.ServiceKey));
        Assert.False(services.GetRequiredService<IOptions<FrontierOptions>>().Value.IsConfigured);
        Assert.Same(FrontierAvailability.NotConfigured, services.GetRequiredService<FrontierAvailability>());
    }

    [Fact]
    public void The_availability_is_known_before_the_container_is_built_and_a_client_registered_in_code_counts()
    {
        var configured = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Hetero:Frontier:Model"] = "gpt-x" }).Build();
        var none = new ConfigurationBuilder().Build();

        var fromConfiguration = new ServiceCollection().AddHeteroFrontier(configured);
        var fromCode = new ServiceCollection().AddHeteroFrontier(_ => new MarkerChatClient(null!)).AddHeteroFrontier(none);
        var neither = new ServiceCollection().AddHeteroFrontier(none);

        Assert.True(FrontierAvailability.Of(fromConfiguration).IsConfigured);
        Assert.True(FrontierAvailability.Of(fromCode).IsConfigured); // a later configuration without a model does not take it back
        Assert.False(FrontierAvailability.Of(neither).IsConfigured);
        Assert.True(FrontierAvailability.From(configured).IsConfigured);
        Assert.Single(fromCode, d => d.ServiceType == typeof(FrontierAvailability));
    }

    [Fact]
    public void An_OpenAI_compatible_endpoint_registers_a_keyed_client_wrapped_in_the_configured_middleware()
    {
        using var services = Build(new()
        {
            ["Hetero:Frontier:Endpoint"] = "http://127.0.0.1:11434/v1/",
            ["Hetero:Frontier:Model"] = "llama3.1:8b",
            ["Hetero:Frontier:ApiKeyEnvironmentVariable"] = "HETERO_TEST_UNSET_" + Guid.NewGuid().ToString("N"),
        }, b => b.Use(inner => new MarkerChatClient(inner)));

        var client = services.GetRequiredKeyedService<IChatClient>(HeteroFrontier.ServiceKey);

        Assert.NotNull(client.GetService<MarkerChatClient>());
        var metadata = client.GetService<ChatClientMetadata>();
        Assert.Equal("llama3.1:8b", metadata?.DefaultModelId);
        Assert.Equal(new Uri("http://127.0.0.1:11434/v1/"), metadata?.ProviderUri);
    }

    [Fact]
    public void OpenAIs_own_endpoint_without_the_key_variable_fails_naming_the_variable()
    {
        var variable = "HETERO_TEST_UNSET_" + Guid.NewGuid().ToString("N");

        var ex = Assert.Throws<InvalidOperationException>(() => FrontierServiceCollectionExtensions.CreateOpenAiCompatibleClient(
            new FrontierOptions { Model = "gpt-4.1", ApiKeyEnvironmentVariable = variable }));

        Assert.Contains(variable, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_endpoint_without_a_model_fails_validation()
    {
        using var services = Build(new() { ["Hetero:Frontier:Endpoint"] = "http://127.0.0.1:8000/v1/" });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<FrontierOptions>>().Value);

        Assert.Contains("Hetero:Frontier:Model", ex.Message, StringComparison.Ordinal);
    }
}
