using System.CommandLine;
using HeteroAgents.Frontier;
using HeteroAgents.Messaging;
using Microsoft.Extensions.DependencyInjection;

namespace HeteroAgents.Orchestrator.Cli;

/// <summary><c>hetero serve</c>: run the orchestrator service (the outcome recorder on <c>hetero-results</c>) until stopped.</summary>
internal static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("serve", "Run the orchestrator service: record task outcomes from the hetero-results queue into Redis until stopped (Ctrl+C).");
        command.SetAction((parse, ct) => CommandRunner.RunAsync(context, CliOptions.Flags(TransportKind.RabbitMq), HostMode.Bus,
            OrchestratorTelemetry.For("hetero-orchestrator", queueDepth: true), async (services, token) =>
        {
            var frontier = services.GetRequiredService<FrontierAvailability>().IsConfigured
                ? "resolving escalations with the frontier model (Hetero:Frontier:Model)"
                : "escalations stay escalated (no Hetero:Frontier:Model)";
            await context.Error.WriteLineAsync($"recording outcomes from hetero-results; {frontier}; Ctrl+C to stop");
            try
            {
                await Task.Delay(Timeout.Infinite, token);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                await context.Error.WriteLineAsync("stopped");
            }

            return CommandRunner.Ok;
        }, ct));
        return command;
    }
}
