// An SK app that hands sub-tasks to the HeteroAgents SLM fleet.
// Start the fleet first (one worker per task type), e.g.:  hetero-worker --task classify   and   hetero-worker --task extract
// Optional frontier model (plans, and resolves SLM escalations):
//   HETERO__FRONTIER__MODEL=gpt-4.1-mini HETERO_FRONTIER_API_KEY=... dotnet run --project samples/HeteroAgents.Samples.SkApp
using HeteroAgents.Frontier;
using HeteroAgents.Plugins;
using HeteroAgents.Plugins.SemanticKernel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.SemanticKernel;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddHeteroAgentsPlugins(builder.Configuration); // the bus, the frontier (if configured), the plugins
using var host = builder.Build();
await host.StartAsync();

const string ticket = "Hi, I was charged twice for order A-1234 on 3 May. Please refund one of the payments. Jane";
var frontierConfigured = host.Services.GetRequiredService<FrontierAvailability>().IsConfigured;

var kernelBuilder = Kernel.CreateBuilder();
if (frontierConfigured)
{
    kernelBuilder.UseHeteroFrontier(host.Services);
}

var kernel = kernelBuilder.Build();
kernel.Plugins.AddHeteroAgents(host.Services); // <- the one line

// 1. Call a function directly: served by the SLM fleet.
try
{
    var intent = await kernel.InvokeAsync("hetero", "classify", new KernelArguments
    {
        ["text"] = ticket,
        ["labels"] = new[] { "refund", "shipping", "other" },
    });
    Console.WriteLine($"classify -> {intent}");
}
catch (TaskEscalatedException ex)
{
    // No frontier model configured: the SLM was not sure, and the app decides what to do.
    Console.WriteLine($"escalated ({ex.Reason}): {ex.Detail}");
}

// 2. Let the frontier model plan: SK calls classify/extract/call_tool/summarize automatically.
if (frontierConfigured)
{
    var settings = new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() };
    var answer = await kernel.InvokePromptAsync(
        "Triage this support ticket: give its intent and order id. Ticket: " + ticket, new KernelArguments(settings));
    Console.WriteLine(answer);
}

await host.StopAsync();
