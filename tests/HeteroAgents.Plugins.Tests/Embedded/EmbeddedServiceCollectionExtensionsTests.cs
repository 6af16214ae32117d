using HeteroAgents.Contracts;
using HeteroAgents.Worker.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HeteroAgents.Plugins.Tests.Embedded;

/// <summary>Embedded mode: one call gives an app the functions with the in-memory bus and the workers in its own process.</summary>
public sealed class EmbeddedServiceCollectionExtensionsTests
{
    [Fact]
    public async Task One_call_serves_all_four_functions_in_process()
    {
        var slm = SupportTicketScenario.Slm();
        var builder = Host.CreateEmptyApplicationBuilder(new());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Hetero:Slm:Backend"] = "scripted", ["Hetero:Slm:Model"] = "tiny-slm" });
        builder.Services.AddHeteroAgentsEmbedded(builder.Configuration);
        builder.Services.AddHeteroChatBackend("scripted", (_, _) => slm); // the test's stand-in for a model: the SLM backend seam
        using var host = builder.Build();
        await host.StartAsync();

        var result = await host.Services.GetRequiredService<HeteroAgentsFunctions>().ClassifyAsync(SupportTicketScenario.Ticket, SupportTicketScenario.Labels);
        await host.StopAsync();

        Assert.Equal(new ClassifyResult("refund"), result);
        Assert.Equal(["classify"], slm.Requests.Select(SupportTicketScenario.TaskTypeOf));
    }
}
