using HeteroAgents.Testing.Chat;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HeteroAgents.Plugins.AgentFramework.Tests;

public sealed class HeteroAgentChatClientExtensionsTests
{
    [Fact]
    public async Task The_agent_advertises_the_four_functions_with_their_descriptions_and_parameters()
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddHeteroAgentsPlugins(configuration);
        await using var provider = services.BuildServiceProvider(true);
        var model = new ScriptedFrontierChatClient().ThenPlan((_, _) => ScriptedFrontierChatClient.Answer("nothing to do"));

        var response = await model.AsHeteroAgent(provider, name: "triage").RunAsync("Say hello.");

        Assert.Equal("nothing to do", response.Text);
        var tools = Assert.Single(model.PlanningRequests).Options!.Tools!.OfType<AIFunctionDeclaration>().ToDictionary(t => t.Name);
        Assert.Equal(["call_tool", "classify", "extract", "summarize"], tools.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("closed set of labels", tools["classify"].Description, StringComparison.Ordinal);
        var required = tools["classify"].JsonSchema.GetProperty("required").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Equal(["text", "labels"], required);
        Assert.True(tools["summarize"].JsonSchema.GetProperty("properties").TryGetProperty("max_words", out _));
    }

    [Fact]
    public void Without_the_plugin_services_the_agent_cannot_be_created_and_the_message_says_what_to_register()
    {
        using var provider = new ServiceCollection().BuildServiceProvider();

        var ex = Assert.Throws<InvalidOperationException>(() => new ScriptedFrontierChatClient().AsHeteroAgent(provider));

        Assert.Contains("AddHeteroAgentsPlugins", ex.Message, StringComparison.Ordinal);
    }
}
