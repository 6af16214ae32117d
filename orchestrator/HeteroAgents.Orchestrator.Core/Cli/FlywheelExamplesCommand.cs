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
/// <c>hetero flywheel examples &lt;scrubbed log&gt; --out examples.jsonl [--measure [--k 3]]</c>: writes the in-context
/// examples file (<see cref="InContextExampleWriter"/>, train split, scrubbed log required) and, with <c>--measure</c>,
/// runs the eval split of the same workloads through the worker pipeline without and with <c>k</c> examples: agreement,
/// SLM share at the target and prompt tokens of each.
/// </summary>
internal static class FlywheelExamplesCommand
{
    public static Command Create(CliContext context)
    {
        var log = FlywheelCommand.LogArgument();
        var output = new Option<FileInfo>("--out", "-o") { Description = "The examples file to write (workers read it with Hetero:Routing:ExamplesFile).", Required = true };
        var measure = new Option<bool>("--measure") { Description = "Also compare the SLM on the eval split without and with examples (Hetero:Slm)." };
        var k = new Option<int>("--k") { Description = "Examples per prompt when measuring (the policy's examples setting). Default 3.", DefaultValueFactory = _ => 3 };
        var evalFraction = new Option<double?>("--eval-fraction") { Description = "Share of logged answers in the eval split (never used as examples). Default 0.1." };
        var command = new Command("examples", "Write per-workload in-context examples from a scrubbed log (opt in per workload with the policy's examples setting); --measure compares without and with them.")
        {
            log, output, measure, k, evalFraction,
        };
        command.SetAction((parse, ct) =>
        {
            var input = parse.GetRequiredValue(log);
            return FlywheelCommand.RunAsync(context, input, ct, async (services, token) =>
            {
                var count = parse.GetValue(k);
                if (count is < 1 or > RoutingRule.MaxExamples)
                {
                    throw new ArgumentException($"--k must be from 1 to {RoutingRule.MaxExamples}, not {count}");
                }

                var options = services.GetRequiredService<IOptions<CalibrationOptions>>().Value;
                var fraction = parse.GetValue(evalFraction) ?? options.EvalFraction;
                var records = await FrontierCallLogReader.ReadListAsync(input.FullName, token);
                var all = CalibrationLog.References(records, 1.0, null, input.FullName);
                var path = parse.GetRequiredValue(output).FullName;
                var written = await InContextExampleWriter.WriteAsync(all, path, fraction, new PiiScrubber(services.GetRequiredService<IOptions<PiiScrubberOptions>>().Value), token);
                await context.Out.WriteLineAsync($"wrote {written.Values.Sum()} examples to {path} ({string.Join(", ", written.Select(p => $"{p.Key} {p.Value}"))})");
                if (parse.GetValue(measure))
                {
                    var heldOut = all.Where(r => DatasetSplit.IsEval(r.FrontierCall.Id, fraction) && r.Workload is not null && written.ContainsKey(r.Workload + "/" + r.Type.ToWireName())).ToList();
                    await MeasureAsync(context, services, heldOut, path, count, options.TargetAgreement, token);
                }

                return CommandRunner.Ok;
            });
        });
        return command;
    }

    private static async Task MeasureAsync(
        CliContext context, IServiceProvider services, IReadOnlyList<ReferenceAnswer> heldOut, string examplesPath, int k, double target, CancellationToken cancellationToken)
    {
        if (heldOut.Count == 0)
        {
            throw new FormatException("nothing to measure: the eval split has no task of the workloads with examples (a larger --eval-fraction, or more logged batches)");
        }

        var policy = heldOut.Select(r => (r.Workload!, r.Type)).Distinct()
            .Aggregate(new RoutingPolicy("examples-measure"), (p, w) => p.With(p.Version, w.Item1, w.Type, new RoutingRule(Examples: k)));
        var policyPath = Path.Combine(Path.GetTempPath(), $"hetero-examples-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(policyPath, policy.ToJson(), cancellationToken);
        try
        {
            var configuration = services.GetRequiredService<IConfiguration>();
            var table = new Table().Title(Markup.Escape($"in-context examples on the eval split ({heldOut.Count} tasks, target agreement {target:0.###})"))
                .AddColumn("workload/task").AddColumn("prompt").AddColumn(new TableColumn("agreement").RightAligned())
                .AddColumn(new TableColumn("SLM share at target").RightAligned()).AddColumn(new TableColumn("prompt tokens/task").RightAligned());
            foreach (var (label, settings) in new[]
            {
                ("without", new Dictionary<string, string?>()),
                ($"with {k} examples", new Dictionary<string, string?> { ["Hetero:Routing:PolicyFile"] = policyPath, ["Hetero:Routing:ExamplesFile"] = examplesPath }),
            })
            {
                await using var replayer = new TaskReplayer(configuration, null, settings);
                var answers = await StepProgress.RunAsync(context, "examples " + label,
                    r => replayer.ReplayAsync(heldOut, 4, FlywheelCommand.Progress(r), cancellationToken));
                foreach (var group in answers.Zip(heldOut).GroupBy(p => $"{p.Second.Workload}/{p.Second.Type.ToWireName()}", StringComparer.Ordinal))
                {
                    var list = group.Select(p => p.First).ToList();
                    var score = ModelScore.Of(replayer.ServedBy, list, target);
                    table.AddRow(Markup.Escape(group.Key), Markup.Escape(label),
                        score.Agreement is { } a ? a.ToString("P1", CultureInfo.InvariantCulture) : "-",
                        score.SlmShare.ToString("P1", CultureInfo.InvariantCulture),
                        list.Average(x => x.InputTokens).ToString("0", CultureInfo.InvariantCulture));
                }
            }

            ConsoleFactory.Create(context.Out, context.IsInteractive).Write(table);
        }
        finally
        {
            File.Delete(policyPath);
        }
    }
}
