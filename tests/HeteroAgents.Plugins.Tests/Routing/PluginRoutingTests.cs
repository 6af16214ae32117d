using System.Text.Json;
using HeteroAgents.Contracts;
using HeteroAgents.Plugins.SemanticKernel;
using HeteroAgents.Testing.Chat;
using HeteroAgents.Testing.Routing;
using Microsoft.SemanticKernel;

namespace HeteroAgents.Plugins.Tests.Routing;

/// <summary>
/// The routing goals through the Semantic Kernel plugin (issue 11: "same behaviour through the SK plugin, batch run and the
/// fleet"): the labelled routing-quality tasks, answered by the simulated SLM over the OpenAI-compatible backend, invoked
/// as kernel functions with default settings and no frontier model. An unsure or hallucinated answer never comes back as a
/// result (it surfaces as <see cref="TaskEscalatedException"/>); at least 95% of right, confident answers do.
/// </summary>
public sealed class PluginRoutingTests
{
    [Fact]
    public async Task Kernel_functions_return_no_unsure_or_hallucinated_answer_and_nearly_every_right_confident_one()
    {
        var cases = RoutingQualityCases.Create(perType: 10, seed: 8);
        await using var slm = SimulatedSlm.Start(cases);
        await using var host = await PluginTestHost.StartAsync(new ScriptedChatClient(), frontier: null, new Dictionary<string, string?>
        {
            ["Hetero:Slm:Backend"] = "openai",
            ["Hetero:Slm:Endpoint"] = slm.BaseAddress.ToString(),
            ["Hetero:Slm:Model"] = "simulated-slm",
        });
        var kernel = new Kernel();
        kernel.Plugins.AddHeteroAgents(host.Services);

        var wrongReturned = new List<string>();
        var (rightConfident, rightConfidentReturned) = (0, 0);
        foreach (var c in cases)
        {
            var returned = await InvokeAsync(kernel, c);
            if (c.Behaviour == SimulatedBehaviour.RightConfident)
            {
                rightConfident++;
                rightConfidentReturned += returned ? 1 : 0;
            }
            else if (c.Behaviour is SimulatedBehaviour.WrongUnsure or SimulatedBehaviour.Hallucinated && returned)
            {
                wrongReturned.Add($"{c.CustomId} ({c.Behaviour})");
            }
        }

        Assert.Empty(wrongReturned);
        Assert.True(rightConfidentReturned >= 0.95 * rightConfident, $"{rightConfidentReturned}/{rightConfident} right, confident answers returned");
    }

    // True when the function returned a result, false when the SLM escalated (no frontier: TaskEscalatedException).
    private static async Task<bool> InvokeAsync(Kernel kernel, RoutingCase c)
    {
        var input = c.Input;
        var arguments = c.Type == TaskType.Classify ? new KernelArguments { ["text"] = (string)input["text"]!, ["labels"] = input["labels"]!.AsArray().Select(l => (string)l!).ToArray() }
            : c.Type == TaskType.Extract ? new KernelArguments { ["text"] = (string)input["text"]!, ["schema"] = JsonSerializer.SerializeToElement(input["schema"]) }
            : c.Type == TaskType.ToolCall ? new KernelArguments { ["request"] = (string)input["request"]!, ["tools"] = JsonSerializer.SerializeToElement(input["tools"]) }
            : new KernelArguments { ["text"] = (string)input["text"]!, ["max_words"] = (int?)input["max_words"] ?? 60 };
        var function = c.Type == TaskType.ToolCall ? "call_tool" : c.Type.ToWireName();
        var error = await Record.ExceptionAsync(() => kernel.InvokeAsync("hetero", function, arguments));
        if (error is null)
        {
            return true;
        }

        Assert.True(error is TaskEscalatedException, $"{c.CustomId}: {error}");
        return false;
    }
}
