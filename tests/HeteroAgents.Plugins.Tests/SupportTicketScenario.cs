using System.Text.Json;
using HeteroAgents.Contracts;
using HeteroAgents.Plugins.SemanticKernel;
using HeteroAgents.Plugins.Tests.Fakes;
using HeteroAgents.Testing.Chat;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace HeteroAgents.Plugins.Tests;

/// <summary>
/// The acceptance scenario shared by the in-memory and RabbitMQ tests: the scripted frontier asks SK to call
/// <c>classify</c> and <c>extract</c> on a support ticket; the SLM answers classify correctly and extract with an order
/// id that is not in the ticket (the worker escalates it: semantic_invalid); the frontier resolves the escalation with
/// structured output; the frontier's final answer quotes both function results.
/// </summary>
internal static class SupportTicketScenario
{
    public const string Ticket = "Hi, I was charged twice for order A-1234 on 3 May. Please refund one of the payments. Jane";

    public static readonly string[] Labels = ["refund", "shipping", "other"];

    public static readonly JsonElement OrderSchema = JsonDocument.Parse(
        """{"type":"object","properties":{"order_id":{"type":"string"}},"required":["order_id"],"additionalProperties":false}""").RootElement.Clone();

    /// <summary>
    /// The worker's SLM backend: answers by task type (the worker names its response format <c>hetero_&lt;type&gt;_result</c>),
    /// confidently (0.95), so the worker's checks — not its confidence gate — decide.
    /// </summary>
    public static ScriptedChatClient Slm() => new(request => ScriptedChatClient.CreateResponse(
        TaskTypeOf(request) switch
        {
            "classify" => """{"label":"refund"}""",
            "extract" => """{"order_id":"Z-9999"}""",
            var other => throw new InvalidOperationException($"The SLM script has no answer for task type '{other}'."),
        },
        confidence: 0.95,
        inputTokens: 40,
        outputTokens: 6));

    public static string TaskTypeOf(ScriptedChatRequest request) =>
        ((request.Options?.ResponseFormat as ChatResponseFormatJson)?.SchemaName ?? string.Empty)
            .Replace("hetero_", string.Empty, StringComparison.Ordinal).Replace("_result", string.Empty, StringComparison.Ordinal);

    public static ScriptedFrontierChatClient Frontier()
    {
        var frontier = new ScriptedFrontierChatClient();
        frontier.Resolve = (_, _, _) => ScriptedFrontierChatClient.Json("""{"order_id":"A-1234"}""");
        frontier
            .ThenPlan((_, options) => ScriptedFrontierChatClient.CallFunctions(options,
                ("classify", new { text = Ticket, labels = Labels }),
                ("extract", new { text = Ticket, schema = OrderSchema })))
            .ThenPlan((messages, _) =>
            {
                var results = ScriptedFrontierChatClient.FunctionResults(messages);
                return ScriptedFrontierChatClient.Answer($"intent={results["call-1-classify"]} order={results["call-2-extract"]}");
            });
        return frontier;
    }

    /// <summary>Runs SK's automatic function-calling loop on a kernel with the plugins imported by the one-line call.</summary>
    public static async Task<(string Answer, PlanTraceFilter Trace)> RunAsync(IServiceProvider services, ScriptedFrontierChatClient frontier)
    {
        var builder = Kernel.CreateBuilder();
        builder.Services.AddChatClient(frontier).UseKernelFunctionInvocation();
        var trace = new PlanTraceFilter(TimeProvider.System);
        builder.Services.AddSingleton<IAutoFunctionInvocationFilter>(trace);
        var kernel = builder.Build();

        kernel.Plugins.AddHeteroAgents(services);

        var settings = new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() };
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var result = await kernel.InvokePromptAsync("Triage this support ticket: " + Ticket, new KernelArguments(settings), cancellationToken: cts.Token);
        return (result.ToString(), trace);
    }

    /// <summary>The assertions both transports must pass.</summary>
    public static void AssertOutcome(string answer, PlanTraceFilter trace, ScriptedChatClient slm, ScriptedFrontierChatClient frontier)
    {
        var debug = string.Join(" | ", frontier.Requests.Select(r => r.Options?.ResponseFormat?.GetType().Name + ":" + string.Join(",", r.Messages.SelectMany(m => m.Contents).Select(c => c.GetType().Name + "=" + (c is Microsoft.Extensions.AI.TextContent t ? t.Text : c is Microsoft.Extensions.AI.FunctionResultContent fr ? fr.Result?.ToString() : "")))));
        Assert.True(answer.Length > 0, debug + " trace: " + string.Join(";", trace.Steps.Select(s => s.Function + s.Error + s.Result)));
        // The final answer quotes the validated results: the SLM's label and the frontier's resolved order id.
        Assert.Equal("""intent={"label":"refund"} order={"order_id":"A-1234"}""", answer);

        // SK advertised the four functions and ran two planning rounds; the second carried both function results.
        var planning = frontier.PlanningRequests.ToList();
        Assert.Equal(2, planning.Count);
        var advertised = planning[0].Options!.Tools!.Select(t => t.Name).Order().ToList();
        Assert.Equal(["hetero_call_tool", "hetero_classify", "hetero_extract", "hetero_summarize"], advertised);
        Assert.All(["classify", "extract", "call_tool", "summarize"], f => Assert.Contains(advertised, n => n.EndsWith(f, StringComparison.Ordinal)));
        Assert.Equal(2, ScriptedFrontierChatClient.FunctionResults(planning[1].Messages).Count);

        // The worker's SLM saw both sub-tasks.
        Assert.Equal(["classify", "extract"], slm.Requests.Select(TaskTypeOf).Order().ToArray());

        // The trace: classify served by the SLM, extract escalated (semantic check) and resolved by the frontier.
        var steps = trace.Steps.OrderBy(s => s.Function, StringComparer.Ordinal).ToList();
        Assert.Equal(2, steps.Count);
        Assert.Equal("hetero.classify", steps[0].Function);
        Assert.Equal("slm:tiny-slm", steps[0].ServedBy);
        Assert.Null(steps[0].Escalation);
        Assert.Equal("hetero.extract", steps[1].Function);
        Assert.Equal("frontier:scripted-frontier", steps[1].ServedBy);
        Assert.NotNull(steps[1].Escalation);
        Assert.Equal(EscalationReason.SemanticInvalid, steps[1].Escalation!.Reason);
        Assert.True(steps[1].Escalation!.Resolved);
        Assert.Equal(new TaskUsage(80, 12), steps[1].FrontierUsage);

        // Exactly one escalation reached the frontier, constrained by the caller's schema.
        var resolution = Assert.Single(frontier.ResolutionRequests);
        var format = Assert.IsType<ChatResponseFormatJson>(resolution.Options!.ResponseFormat);
        Assert.True(format.Schema!.Value.GetProperty("properties").TryGetProperty("order_id", out _));
    }
}
