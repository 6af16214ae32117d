using HeteroAgents.Plugins.SemanticKernel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace HeteroAgents.Plugins.Tests;

public sealed class PluginServiceCollectionExtensionsTests
{
    [Fact]
    public async Task A_kernel_from_the_app_services_includes_the_plugin_with_its_four_functions()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Hetero:Plugins:PluginName"] = "fleet" }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddHeteroAgentsPlugins(configuration).AddHeteroAgentsKernelPlugin();
        services.AddKernel();
        await using var provider = services.BuildServiceProvider();

        var kernel = provider.GetRequiredService<Kernel>();

        var plugin = kernel.Plugins["fleet"];
        Assert.Equal(["call_tool", "classify", "extract", "summarize"], plugin.Select(f => f.Name).Order().ToArray());
        var extract = plugin["extract"];
        Assert.Contains("JSON schema", extract.Description, StringComparison.Ordinal);
        Assert.Equal(["text", "schema", "instructions"], extract.Metadata.Parameters.Select(p => p.Name).ToArray());
        Assert.False(extract.Metadata.Parameters.Single(p => p.Name == "instructions").IsRequired);
        Assert.All(extract.Metadata.Parameters, p => Assert.False(string.IsNullOrWhiteSpace(p.Description)));
    }

    [Fact]
    public void Importing_without_the_plugin_services_fails_with_the_registration_to_add()
    {
        using var provider = new ServiceCollection().BuildServiceProvider();

        var ex = Assert.Throws<InvalidOperationException>(() => new Kernel().Plugins.AddHeteroAgents(provider));

        Assert.Contains("AddHeteroAgentsPlugins", ex.Message, StringComparison.Ordinal);
    }
}
