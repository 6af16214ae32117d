using HeteroAgents.Worker.Hosting;
using HeteroAgents.Worker.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Worker.Tests.Hosting;

public sealed class WorkerServiceCollectionExtensionsTests
{
    /// <summary>Starts and stops a host with the worker registered; returns the options validation failure, if any.</summary>
    internal static async Task<Exception?> StartAsync(IDictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddHeteroWorker(builder.Configuration);
        using var host = builder.Build();
        try
        {
            await host.StartAsync();
            await host.StopAsync();
            return null;
        }
        catch (OptionsValidationException ex)
        {
            return ex;
        }
    }

    [Fact]
    public async Task Defaults_start()
    {
        Assert.Null(await StartAsync(new Dictionary<string, string?>()));
    }

    [Theory]
    [InlineData("Hetero:Slm:Backend", "tensorrt", "not a registered backend")]
    [InlineData("Hetero:Slm:Endpoint", "ftp://x/v1", "absolute http(s) address")]
    [InlineData("Hetero:Worker:ConfidenceThreshold", "1.5", "Hetero:Worker:ConfidenceThreshold")]
    [InlineData("Hetero:Worker:MaxInputChars", "0", "Hetero:Worker:MaxInputChars")]
    [InlineData("Hetero:Slm:MaxOutputTokens", "0", "Hetero:Slm:MaxOutputTokens")]
    [InlineData("Hetero:Onnx:MaxBatchSize", "300", "Hetero:Onnx:MaxBatchSize")]
    [InlineData("Hetero:Routing:ReloadSeconds", "0", "Hetero:Routing:ReloadSeconds")]
    public async Task Invalid_options_stop_the_host_at_start_naming_the_key(string key, string value, string expected)
    {
        var error = await StartAsync(new Dictionary<string, string?> { [key] = value });

        Assert.NotNull(error);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Options.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Openai_backend_without_an_endpoint_says_which_variable_to_set()
    {
        var error = await StartAsync(new Dictionary<string, string?> { ["Hetero:Slm:Backend"] = "openai" });

        Assert.Contains("HETERO__SLM__ENDPOINT", error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registered_backends_are_selectable_by_name()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Hetero:Slm:Backend"] = "custom" }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddHeteroWorker(configuration);
        var custom = new HeteroAgents.Testing.Chat.ScriptedChatClient();
        services.AddHeteroChatBackend("custom", (_, options) =>
        {
            Assert.Equal("custom", options.Backend);
            return custom;
        });
        using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredKeyedService<Microsoft.Extensions.AI.IChatClient>(WorkerServiceKeys.ChatClient);

        Assert.Same(custom, client.GetService(typeof(HeteroAgents.Testing.Chat.ScriptedChatClient)));
        Assert.Equal("slm:default", provider.GetRequiredService<HeteroAgents.Worker.Pipeline.ServedByName>().Value);
        Assert.Equal(BackendNames.Auto, new SlmOptions().Backend);
    }
}
