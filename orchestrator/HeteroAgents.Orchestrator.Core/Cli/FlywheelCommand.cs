using System.CommandLine;
using HeteroAgents.Flywheel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HeteroAgents.Orchestrator.Cli;

/// <summary><c>hetero flywheel scrub|clusters|export|eval</c>: the conversion loop's steps over a frontier call log (options from <c>Hetero:Flywheel:*</c>).</summary>
internal static class FlywheelCommand
{
    public static Command Create(CliContext context) =>
        new("flywheel", "The LLM-to-SLM conversion loop over the frontier call log: scrub PII, find workload clusters, export fine-tuning data, evaluate an SLM.")
        {
            FlywheelScrubCommand.Create(context),
            FlywheelClustersCommand.Create(context),
            FlywheelExportCommand.Create(context),
            FlywheelEvalCommand.Create(context),
            FlywheelCalibrateCommand.Create(context),
            FlywheelExamplesCommand.Create(context),
        };

    /// <summary>The frontier call log argument: a JSONL file or a log directory.</summary>
    public static Argument<FileSystemInfo> LogArgument() => new("log")
    {
        Description = "The frontier call log: a JSONL file, or a log directory (all *.jsonl in name order).",
    };

    /// <summary>
    /// Runs <paramref name="body"/> with the flywheel services registered, after checking the log path exists;
    /// <paramref name="flags"/> are configuration values from the command line (highest priority).
    /// </summary>
    public static async Task<int> RunAsync(
        CliContext context, FileSystemInfo? log, CancellationToken cancellationToken, Func<IServiceProvider, CancellationToken, Task<int>> body,
        Action<IServiceCollection, IConfiguration>? configure = null, Dictionary<string, string?>? flags = null)
    {
        if (log is not null && !File.Exists(log.FullName) && !Directory.Exists(log.FullName))
        {
            await context.Error.WriteLineAsync($"error: log not found: {log.FullName}");
            return CommandRunner.BadUsage;
        }

        return await CommandRunner.RunAsync(context, flags ?? CliOptions.Flags(null), HostMode.Tools, (services, configuration) =>
        {
            services.AddFlywheel();
            configure?.Invoke(services, configuration);
        }, body, cancellationToken);
    }

    /// <summary>An <see cref="IProgress{T}"/> over a step-progress callback.</summary>
    public static IProgress<FlywheelProgress> Progress(Action<string, long, long?> report) =>
        new SyncProgress<FlywheelProgress>(p => report(p.Stage, p.Done, p.Total));
}
