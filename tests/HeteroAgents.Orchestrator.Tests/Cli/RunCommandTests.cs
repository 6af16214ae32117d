using HeteroAgents.Orchestrator.Tests.Support;
using HeteroAgents.Frontier;
using HeteroAgents.Testing.Chat;
using HeteroAgents.Testing.OpenAi;
using Microsoft.Extensions.AI;

namespace HeteroAgents.Orchestrator.Tests.Cli;

/// <summary>`hetero run` argument and configuration checks.</summary>
public sealed class RunCommandTests
{
    [Fact]
    public async Task Run_without_a_frontier_says_exactly_what_to_set()
    {
        var result = await CliRunner.RunAsync("run", "Summarize the attached report");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Hetero:Frontier:Model", result.Error, StringComparison.Ordinal);
        Assert.Contains("Hetero:Frontier:Endpoint", result.Error, StringComparison.Ordinal);
        Assert.Contains("HETERO_FRONTIER_API_KEY", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_plans_with_the_frontier_and_serves_the_sub_task_on_the_slm()
    {
        await using var slm = FakeOpenAiCompatibleServer.Start();
        var frontier = new ScriptedChatClient()
            .Respond(request =>
            {
                var tool = request.Options?.Tools?.FirstOrDefault(t => t.Name.EndsWith("classify", StringComparison.Ordinal))
                    ?? throw new InvalidOperationException("SK advertised no classify tool.");
                var arguments = new Dictionary<string, object?> { ["text"] = request.UserText, ["labels"] = new[] { "refund", "shipping", "other" } };
                return new ChatResponse(new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("call-1", tool.Name, arguments)]));
            })
            .Reply("Route it to the shipping team.");
        var input = Path.Combine(Path.GetTempPath(), $"hetero-run-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(input, "My parcel is late, where is the shipping?");
        var configuration = new Dictionary<string, string?>
        {
            ["Hetero:Messaging:Transport"] = "InMemory",
            ["Hetero:Batch:Store"] = "InMemory",
            ["Hetero:Slm:Endpoint"] = slm.BaseAddress.ToString(),
            ["Hetero:Slm:Model"] = "fake-slm",
            ["Hetero:Frontier:Model"] = "scripted-frontier",
            ["Hetero:Flywheel:Logging:Enabled"] = "false",
        };

        try
        {
            var result = await CliRunner.RunAsync(configuration, ["run", "Which team should handle this ticket?", "--input", input],
                configureServices: services => services.AddHeteroFrontier(_ => new ScriptedFrontier(frontier, "scripted-frontier")));

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("1. hetero.classify [slm:fake-slm]", result.Out, StringComparison.Ordinal);
            Assert.Contains("\"shipping\"", result.Out, StringComparison.Ordinal);
            Assert.Contains("1 sub-tasks: 1 served by SLMs, 0 escalated", result.Out, StringComparison.Ordinal);
            Assert.EndsWith("Route it to the shipping team.", result.Out.TrimEnd(), StringComparison.Ordinal);
            Assert.Contains("My parcel is late", frontier.Requests[0].UserText, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(input);
        }
    }

    [Fact]
    public async Task Run_with_a_missing_input_file_names_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"hetero-missing-{Guid.NewGuid():N}.txt");

        var result = await CliRunner.RunAsync("run", "Summarize", "--input", missing);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(missing, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_command_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync("fleet", "explode");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("explode", result.Error + result.Out, StringComparison.Ordinal);
    }
}
