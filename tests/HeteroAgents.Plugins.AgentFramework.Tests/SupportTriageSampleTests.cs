using System.Text.Json;
using HeteroAgents.Samples.AgentFramework;
using HeteroAgents.Testing.Chat;
using HeteroAgents.Testing.Models;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HeteroAgents.Plugins.AgentFramework.Tests;

/// <summary>
/// The Agent Framework sample end to end, embedded: the agent's model is the scripted fake frontier, which asks for
/// classify and summarize; the Agent Framework's function-calling loop runs the functions for real — in-memory bus, the four
/// workers in process, the project-built tiny model (seeded random weights) on ONNX Runtime with constrained decoding.
/// </summary>
public sealed class SupportTriageSampleTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hetero-af-sample-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task The_agent_calls_the_functions_as_tools_and_they_run_on_the_embedded_fleet()
    {
        var model = TinyModels.Llama;

        var builder = Host.CreateEmptyApplicationBuilder(new());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hetero:Slm:Model"] = model, // a model folder, served in-process (the sample's --model)
            ["Hetero:Plugins:RequestTimeout"] = "00:03:00",

            // Random weights: the routing gate (on by default) would rightly escalate every answer. This test checks the
            // tool plumbing, so it turns the gate off explicitly and expects the constrained label to come back.
            ["Hetero:Worker:ConfidenceThreshold"] = "0",
        });
        builder.Services.AddHeteroAgentsEmbedded(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync();

        var agentModel = new ScriptedFrontierChatClient("scripted-agent-model")
            .ThenPlan((_, options) => ScriptedFrontierChatClient.CallFunctions(options,
                ("classify", new { text = SupportTriage.Ticket, labels = SupportTriage.Intents }),
                ("summarize", new { text = SupportTriage.Ticket, max_words = 12 })))
            .ThenPlan((messages, _) =>
            {
                var results = ScriptedFrontierChatClient.FunctionResults(messages);
                return ScriptedFrontierChatClient.Answer($"intent={results["call-1-classify"]} summary={results["call-2-summarize"]}");
            });
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));

        var response = await SupportTriage.RunAsync(agentModel, host.Services, cancellationToken: timeout.Token);
        await host.StopAsync();

        // Two rounds: the tool calls, then the answer over both results; the instructions reached the agent's model.
        var planning = agentModel.PlanningRequests.ToList();
        Assert.Equal(2, planning.Count);
        Assert.Contains("triage support tickets", planning[0].Options!.Instructions, StringComparison.Ordinal);
        Assert.Contains(planning[0].Messages, m => m.Role == ChatRole.User && m.Text.Contains(SupportTriage.Ticket, StringComparison.Ordinal));
        var results = ScriptedFrontierChatClient.FunctionResults(planning[1].Messages);
        Assert.Equal(2, results.Count);

        // classify ran on the tiny model: a typed result, one of the labels (constrained decoding), not an error.
        using var classify = JsonDocument.Parse(results["call-1-classify"]);
        Assert.Contains(classify.RootElement.GetProperty("label").GetString(), SupportTriage.Intents);
        Assert.Equal($"intent={results["call-1-classify"]} summary={results["call-2-summarize"]}", response.Text);

        // summarize either answered with a summary or escalated (random weights), which the loop reports to the model.
        var summary = results["call-2-summarize"];
        Assert.True(summary.Contains("\"summary\"", StringComparison.Ordinal) || summary.Contains("Error", StringComparison.Ordinal), summary);
    }
}
