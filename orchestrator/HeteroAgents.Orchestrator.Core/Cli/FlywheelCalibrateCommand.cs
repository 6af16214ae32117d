using System.CommandLine;
using System.Globalization;
using HeteroAgents.Contracts;
using HeteroAgents.Flywheel;
using HeteroAgents.Orchestrator.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace HeteroAgents.Orchestrator.Cli;

/// <summary>
/// <c>hetero flywheel calibrate [&lt;log&gt;] [--target-agreement 0.95] [--min-samples N] [--replay] (--out policy.json | --to-redis [key])</c>:
/// per workload and task type, the threshold that completes the most SLM answers while their agreement with the
/// frontier (Wilson lower bound) reaches the target, written into the routing policy the workers read
/// (<see cref="PolicyCalibrator"/>). Evidence: the eval split's escalations resolved by logged frontier answers and the
/// audited completed answers (<c>audit: true</c> records) — the logged SLM answers, or with <c>--replay</c> the
/// escalated tasks run again through the worker pipeline on the model in force.
/// </summary>
internal static class FlywheelCalibrateCommand
{
    public static Command Create(CliContext context)
    {
        var log = new Argument<FileSystemInfo?>("log")
        {
            Description = "The frontier call log (JSONL file or directory). Default: Hetero:Flywheel:Logging:DataDirectory.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var target = new Option<double?>("--target-agreement") { Description = "Agreement the completed answers must reach (Wilson 95% lower bound). Default 0.95 (Hetero:Flywheel:Calibrate:TargetAgreement)." };
        var minSamples = new Option<int?>("--min-samples") { Description = "Below this many samples a threshold is kept. Default 30 (Hetero:Flywheel:Calibrate:MinSamples)." };
        var evalFraction = new Option<double?>("--eval-fraction") { Description = "Share of logged answers in the eval split (export's rule); 1 uses all. Default 0.1." };
        var workload = new Option<string?>("--workload") { Description = "Only this workload." };
        var replay = new Option<bool>("--replay") { Description = "Run the eval split's tasks again through the worker pipeline on the model in force (Hetero:Slm, or the policy's model) instead of using the logged SLM answers." };
        var policy = PolicyTarget.Create("--out");
        var command = new Command("calibrate", "Choose routing thresholds per workload and task type from logged frontier answers and write the routing policy.")
        {
            log, target, minSamples, evalFraction, workload, replay,
        };
        policy.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var flags = CliOptions.Flags(null);
            var input = parse.GetValue(log)
                ?? new DirectoryInfo(OrchestratorHostFactory.BuildConfiguration(context, flags)["Hetero:Flywheel:Logging:DataDirectory"] ?? Path.Combine("data", "flywheel"));
            return await FlywheelCommand.RunAsync(context, input, ct, async (services, token) =>
            {
                var options = services.GetRequiredService<IOptions<CalibrationOptions>>().Value;
                options.TargetAgreement = parse.GetValue(target) ?? options.TargetAgreement;
                options.MinSamples = parse.GetValue(minSamples) ?? options.MinSamples;
                options.EvalFraction = parse.GetValue(evalFraction) ?? options.EvalFraction;
                var store = policy.Resolve(parse, services);
                var current = await PolicyDocuments.ReadAsync(store, token);
                var records = await FrontierCallLogReader.ReadListAsync(input.FullName, token);
                var replaying = parse.GetValue(replay);
                var only = parse.GetValue(workload);
                // Audits judge answers of the model that served them, so they count only when the logged answers do (not with --replay).
                var audits = replaying ? [] : CalibrationLog.AuditSamples(records, only);
                IReadOnlyList<ReferenceAnswer> references;
                try
                {
                    references = CalibrationLog.References(records, options.EvalFraction, only, input.FullName);
                }
                catch (FormatException) when (audits.Count > 0)
                {
                    references = []; // a log of audits alone is evidence enough
                }

                var samples = replaying
                    ? await ReplayAsync(context, services, current, references, token)
                    : [.. references.Select(CalibrationLog.LoggedSample).OfType<CalibrationSample>(), .. audits];
                await context.Out.WriteLineAsync(replaying
                    ? string.Create(CultureInfo.InvariantCulture, $"evidence: {samples.Count} replayed answers of {references.Count} resolved escalations (eval split)")
                    : string.Create(CultureInfo.InvariantCulture,
                        $"evidence: {samples.Count - audits.Count} escalated answers resolved by the frontier (eval split), {audits.Count} audited completed answers"));
                var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
                var result = PolicyCalibrator.Calibrate(current, samples, options, PolicyVersions.Next(time, "calibrate"));
                ConsoleFactory.Create(context.Out, context.IsInteractive).Write(Table(result, current.Version));
                if (result.Rows.Any(r => r.Changed))
                {
                    await store.WriteAsync(result.Policy.ToJson(), token);
                    await context.Out.WriteLineAsync($"routing policy {result.Policy.Version} written to {store.Name} (replaces {current.Version}; `hetero models rollback` restores it)");
                }
                else
                {
                    await context.Out.WriteLineAsync($"no threshold changed; routing policy {current.Version} at {store.Name} stays in force");
                }

                return CommandRunner.Ok;
            }, PolicyTarget.Register, flags);
        });
        return command;
    }

    private static async Task<List<CalibrationSample>> ReplayAsync(
        CliContext context, IServiceProvider services, RoutingPolicy current, IReadOnlyList<ReferenceAnswer> references, CancellationToken cancellationToken)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var samples = new List<CalibrationSample>();
        foreach (var group in references.GroupBy(r => current.Resolve(r.Workload, r.Type).Model))
        {
            await using var replayer = new TaskReplayer(configuration, group.Key);
            var answers = await StepProgress.RunAsync(context, "replay",
                r => replayer.ReplayAsync([.. group], 4, FlywheelCommand.Progress(r), cancellationToken));
            samples.AddRange(answers.Select(a => a.Sample).OfType<CalibrationSample>());
        }

        return samples;
    }

    private static Table Table(CalibrationResult result, string before)
    {
        var table = new Table().Title($"calibration: {before} -> {result.Policy.Version}")
            .AddColumn("workload").AddColumn("task").AddColumn(new TableColumn("samples").RightAligned())
            .AddColumn("before: threshold, SLM share, agreement").AddColumn("after").AddColumn("why");
        foreach (var row in result.Rows)
        {
            table.AddRow(Markup.Escape(row.Workload ?? "(none)"), row.Type.ToWireName(), row.Samples.ToString(CultureInfo.InvariantCulture),
                Point(row.Before), row.Changed ? Point(row.After) : "kept", Markup.Escape(row.Reason));
        }

        return table;
    }

    private static string Point(ThresholdPoint p) => string.Create(CultureInfo.InvariantCulture,
        $"{p.Threshold:0.###}, {p.SlmShare:P0}, {(p.Agreement is { } a ? a.ToString("P1", CultureInfo.InvariantCulture) : "-")}");
}
