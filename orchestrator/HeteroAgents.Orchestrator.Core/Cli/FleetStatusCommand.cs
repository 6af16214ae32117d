using System.CommandLine;
using HeteroAgents.Fleet;
using HeteroAgents.Fleet.Status;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace HeteroAgents.Orchestrator.Cli;

/// <summary><c>hetero fleet status [--watch] [--interval 2s]</c>: queue depth, consumers and rates per task type from the RabbitMQ management API.</summary>
internal static class FleetStatusCommand
{
    public static Command Create(CliContext context)
    {
        var watch = new Option<bool>("--watch", "-w") { Description = "Refresh until Ctrl+C." };
        var interval = DurationOption.Create("--interval", "Refresh interval with --watch (e.g. 2s, 500ms).", TimeSpan.FromSeconds(2));
        var command = new Command("status", "Show every task queue: ready, unacked, consumers, publish/deliver rates, oldest message, error queue " +
                                            "(broker from Hetero:Messaging:RabbitMq, management API at its ManagementUri).")
        {
            watch, interval,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(context, CliOptions.Flags(null), HostMode.Tools,
            (services, _) => services.AddHeteroFleet(),
            async (services, token) =>
            {
                var fleet = services.GetRequiredService<FleetStatusService>();
                if (!parse.GetValue(watch))
                {
                    Render(context, await fleet.GetAsync(token));
                    return CommandRunner.Ok;
                }

                return await WatchAsync(context, fleet, parse.GetValue(interval), token);
            }, ct));
        return command;
    }

    private static async Task<int> WatchAsync(CliContext context, FleetStatusService fleet, TimeSpan interval, CancellationToken cancellationToken)
    {
        if (!context.IsInteractive)
        {
            await foreach (var snapshot in fleet.WatchAsync(interval, cancellationToken))
            {
                Render(context, snapshot);
            }

            return CommandRunner.Ok;
        }

        var console = ConsoleFactory.Create(context.Out, interactive: true);
        await console.Live(new Text("reading queues...")).StartAsync(async live =>
        {
            await foreach (var snapshot in fleet.WatchAsync(interval, cancellationToken))
            {
                live.UpdateTarget(FleetTables.Status(snapshot));
            }
        });
        return CommandRunner.Ok;
    }

    private static void Render(CliContext context, FleetStatusSnapshot snapshot)
    {
        if (context.IsInteractive)
        {
            ConsoleFactory.Create(context.Out, interactive: true).Write(FleetTables.Status(snapshot));
        }
        else
        {
            context.Out.Write(FleetStatusTable.ToPlainText(snapshot));
            context.Out.Flush();
        }
    }
}
