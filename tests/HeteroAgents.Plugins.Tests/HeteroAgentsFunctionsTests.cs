using System.Text.Json;
using HeteroAgents.Contracts;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace HeteroAgents.Plugins.Tests;

/// <summary>The four functions without any agent framework: typed results, and the same as <see cref="AIFunction"/>s.</summary>
public sealed class HeteroAgentsFunctionsTests
{
    [Fact]
    public async Task The_functions_return_typed_results_and_their_AIFunctions_the_same_as_snake_case_JSON()
    {
        await using var host = await PluginTestHost.StartAsync(SupportTicketScenario.Slm(), frontier: null);
        var functions = host.Services.GetRequiredService<HeteroAgentsFunctions>();

        ClassifyResult typed = await functions.ClassifyAsync(SupportTicketScenario.Ticket, SupportTicketScenario.Labels);

        Assert.Equal(new ClassifyResult("refund"), typed);
        Assert.StartsWith(PluginSession.Prefix, functions.SessionId, StringComparison.Ordinal);
        var classify = functions.AsAIFunctions().Single(f => f.Name == "classify");
        var viaAIFunction = await classify.InvokeAsync(new AIFunctionArguments
        {
            ["text"] = SupportTicketScenario.Ticket,
            ["labels"] = JsonSerializer.SerializeToElement(SupportTicketScenario.Labels),
        });
        Assert.Equal("""{"label":"refund"}""", Assert.IsType<JsonElement>(viaAIFunction).GetRawText());
        Assert.Equal(HeteroAgentsFunctions.Names, functions.AsAIFunctions().Select(f => f.Name));
    }

    [Fact]
    public async Task A_missing_required_argument_names_the_parameter()
    {
        await using var host = await HarnessHost.StartAsync();
        var classify = host.Services.GetRequiredService<HeteroAgentsFunctions>().AsAIFunctions().Single(f => f.Name == "classify");

        var ex = await Assert.ThrowsAsync<ArgumentException>(async () => await classify.InvokeAsync(new AIFunctionArguments { ["text"] = "Where is my parcel?" }));

        Assert.Equal("labels", ex.ParamName);
        Assert.False(await host.Harness.Published.Any<ClassifyTask>());
    }
}
