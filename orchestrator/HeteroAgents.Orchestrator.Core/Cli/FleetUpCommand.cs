using System.CommandLine;
using HeteroAgents.Fleet;
using HeteroAgents.Fleet.Supervision;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace HeteroAgents.Orchestrator.Cli;

/// <summary><c>hetero fleet up --config fleet.json</c>: run and scale local worker processes by queue depth until Ctrl+C.</summary>
internal static class FleetUpCommand
{
    public static Command Create(CliContext context)
    {
        var config = new Option<FileInfo>("--config", "-c")
        {
            Description = "The fleet file: worker pools per task type with min/max/targetPerWorker (see compose/fleet.example.json).",
            Required = true,
        };
        var command = new Command("up", "Start one pool of hetero-worker processes per configured task type, scale each between min and max " +
                                        "by its queue depth (the KEDA rule), restart crashed workers; Ctrl+C stops them all.")
        {
            config,
        };
        command.SetAction(async (parse, ct) =>
        {
            var file = parse.GetRequiredValue(config);
            FleetConfig fleet;
            try
            {
                fleet = await FleetConfigParser.LoadAsync(file.FullName, ct);
            }
            catch (FleetConfigException ex)
            {
                await context.Error.WriteLineAsync("error: " + ex.Message);
                return CommandRunner.BadUsage;
            }

            return await CommandRunner.RunAsync(context, CliOptions.Flags(null), HostMode.Tools,
                (services, configuration) =>
                {
                    services.AddHeteroFleet();
                    OrchestratorTelemetry.For("hetero-fleet", queueDepth: true)(services, configuration);
                },
                (services, token) => SuperviseAsync(context, services.GetRequiredService<WorkerSupervisor>(), fleet, token), ct);
        });
        return command;
    }

    private static async Task<int> SuperviseAsync(CliContext context, WorkerSupervisor supervisor, FleetConfig fleet, CancellationToken cancellationToken)
    {
        await context.Error.WriteLineAsync(
            $"fleet up: {string.Join(", ", fleet.Workers.Select(w => $"{w.Queue} [{w.Min}..{w.Max}]"))}; polling every {fleet.PollInterval.TotalSeconds:0.#}s; Ctrl+C to stop");
        var run = supervisor.RunAsync(fleet, cancellationToken);
        var console = ConsoleFactory.Create(context.Error, context.IsInteractive);
        if (context.IsInteractive)
        {
            await console.Live(FleetTables.Pools(supervisor.GetStatus())).StartAsync(async live =>
            {
                while (!run.IsCompleted)
                {
                    await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None));
                    live.UpdateTarget(FleetTables.Pools(supervisor.GetStatus()));
                }
            });
        }
        else
        {
            while (!run.IsCompleted)
            {
                await Task.WhenAny(run, Task.Delay(fleet.PollInterval, CancellationToken.None));
                await context.Error.WriteLineAsync(FleetTables.PoolsPlain(supervisor.GetStatus()));
            }
        }

        await run;
        await context.Error.WriteLineAsync("fleet stopped");
        return CommandRunner.Ok;
    }
}
