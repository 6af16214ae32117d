using System.CommandLine;
using HeteroAgents.Messaging;

namespace HeteroAgents.Orchestrator.Cli;

/// <summary><c>hetero serve</c>: run the orchestrator service (the outcome recorder on <c>hetero-results</c>) until stopped.</summary>
internal static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("serve", "Run the orchestrator service: record task outcomes from the hetero-results queue into Redis until stopped (Ctrl+C).");
        command.SetAction((parse, ct) => CommandRunner.RunAsync(context, CliOptions.Flags(TransportKind.RabbitMq), HostMode.Bus, async (services, token) =>
        {
            await context.Error.WriteLineAsync("recording outcomes from hetero-results; Ctrl+C to stop");
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
