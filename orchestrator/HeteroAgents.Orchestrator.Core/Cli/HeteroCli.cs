using System.CommandLine;

namespace HeteroAgents.Orchestrator.Cli;

/// <summary>
/// The <c>hetero</c> command line: <c>batch run|submit|status|results|cancel</c>, <c>serve</c>, <c>run</c>,
/// <c>fleet status|up</c>, <c>flywheel scrub|clusters|export|eval|calibrate</c>, <c>report</c> and <c>models pull|list|register|promote|rollback</c>.
/// </summary>
public static class HeteroCli
{
    /// <summary>Builds the root command over <paramref name="context"/>.</summary>
    public static RootCommand CreateRootCommand(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var batch = new Command("batch", "Batch jobs: a JSONL file of tasks in, a JSONL file of results out (one line per input line).")
        {
            BatchRunCommand.Create(context),
            BatchSubmitCommand.Create(context),
            BatchLookupCommands.Status(context),
            BatchLookupCommands.Results(context),
            BatchLookupCommands.Cancel(context),
        };
        return new RootCommand("hetero: HeteroAgents orchestrator (SLM worker fleet, batch jobs, planner, conversion loop, models).")
        {
            batch,
            ServeCommand.Create(context),
            RunCommand.Create(context),
            FleetCommand.Create(context),
            FlywheelCommand.Create(context),
            ReportCommand.Create(context),
            ModelsCommand.Create(context),
        };
    }

    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code.</summary>
    public static Task<int> RunAsync(string[] args, CliContext? context = null, CancellationToken cancellationToken = default)
    {
        context ??= CliContext.Default;
        var parse = CreateRootCommand(context).Parse(args);
        return parse.InvokeAsync(new InvocationConfiguration { Output = context.Out, Error = context.Error }, cancellationToken);
    }
}
