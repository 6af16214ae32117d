// A Microsoft Agent Framework agent that hands its sub-steps to the HeteroAgents functions, with the SLM workers in the
// same process (embedded: in-memory bus, no services to run). The agent's own model is the frontier (Hetero:Frontier).
//
//   dotnet run -c Release --project benchmarks/HeteroAgents.ModelMaker.Cli -- --arch llama --preset tiny --seed 7 --no-gguf --out models/tiny
//   HETERO__FRONTIER__MODEL=gpt-4.1-mini HETERO_FRONTIER_API_KEY=... \
//     dotnet run --project samples/HeteroAgents.Samples.AgentFramework -- --model models/tiny
using HeteroAgents.Frontier;
using HeteroAgents.Plugins;
using HeteroAgents.Samples.AgentFramework;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.Configuration.AddCommandLine(args, new Dictionary<string, string> { ["--model"] = "Hetero:Slm:Model" });
builder.Services.AddHeteroAgentsEmbedded(builder.Configuration); // the functions, the in-memory bus and the four workers: one call
using var host = builder.Build();

if (!host.Services.GetRequiredService<FrontierAvailability>().IsConfigured)
{
    Console.Error.WriteLine("The agent needs a model to plan with: set Hetero:Frontier:Model (HETERO__FRONTIER__MODEL), " +
                            "Hetero:Frontier:Endpoint for a server other than OpenAI's, and the API key in HETERO_FRONTIER_API_KEY.");
    return 2;
}

await host.StartAsync();
var agentModel = host.Services.GetRequiredKeyedService<IChatClient>(HeteroFrontier.ServiceKey);
var response = await SupportTriage.RunAsync(agentModel, host.Services);
Console.WriteLine(response.Text);
await host.StopAsync();
return 0;
