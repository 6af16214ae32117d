using System.CommandLine;
using HeteroAgents.Flywheel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Orchestrator.Cli;

/// <summary>
/// <c>hetero report &lt;batch-output.jsonl&gt;… [--frontier-log &lt;log&gt;] [--policy &lt;file&gt; | --to-redis [key]]</c>: usage, escalation
/// rates, latency and cost against an all-frontier baseline; the SLM share per routing policy version (before and after a
/// calibration or promotion); and the routing policy in force (the given or configured one).
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var outputs = new Argument<FileInfo[]>("batch-output") { Description = "Batch output files (JSONL); each file is one workload.", Arity = ArgumentArity.ZeroOrMore };
        var frontierLog = new Option<FileSystemInfo?>("--frontier-log") { Description = "A frontier call log (JSONL file or directory) to count direct frontier calls." };
        var command = new Command("report", "Per task type and workload: calls, SLM share, escalation rate by reason, p50/p95 latency, tokens, cost and the " +
                                            "all-frontier baseline (prices from Hetero:Flywheel:Costs, baseline Hetero:Flywheel:Report:BaselineModel).")
        {
            outputs, frontierLog,
        };
        var policy = PolicyTarget.Create();
        policy.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var files = parse.GetValue(outputs) ?? [];
            var log = parse.GetValue(frontierLog);
            if (files.Length == 0 && log is null)
            {
                await context.Error.WriteLineAsync("error: give at least one batch output file or --frontier-log <log>");
                return CommandRunner.BadUsage;
            }

            if (files.FirstOrDefault(f => !f.Exists) is { } missing)
            {
                await context.Error.WriteLineAsync($"error: batch output file not found: {missing.FullName}");
                return CommandRunner.BadUsage;
            }

            return await FlywheelCommand.RunAsync(context, log, ct, async (services, token) =>
            {
                var options = services.GetRequiredService<IOptions<ReportOptions>>().Value;
                var report = await UsageReportBuilder.BuildFromFilesAsync([.. files.Select(f => f.FullName)], log?.FullName, options, token);
                await context.Out.WriteAsync(report.ToText());
                if (policy.TryResolve(parse, services) is { } store)
                {
                    var inForce = await PolicyDocuments.ReadAsync(store, token);
                    var history = await store.HistoryCountAsync(token);
                    await context.Out.WriteLineAsync($"\nrouting policy in force: {inForce.Version} ({store.Name}; {history} earlier version(s) kept for rollback)");
                }
                if (report.BaselineModel is null)
                {
                    await context.Error.WriteLineAsync("note: no baseline priced; set Hetero:Flywheel:Report:BaselineModel and its price under Hetero:Flywheel:Costs:Prices");
                }

                return CommandRunner.Ok;
            }, PolicyTarget.Register);
        });
        return command;
    }
}
