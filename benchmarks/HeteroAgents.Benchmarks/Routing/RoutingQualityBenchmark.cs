using System.Globalization;
using HeteroAgents.Contracts;
using HeteroAgents.ModelMaker;
using HeteroAgents.Orchestrator.Cli;
using HeteroAgents.Testing.Routing;

namespace HeteroAgents.Benchmarks.Routing;

/// <summary>
/// <c>routing</c>: routing quality with default settings. A labelled batch (<see cref="RoutingQualityCases"/>: right
/// and confident, right but unsure, wrong and unsure, hallucinated, wrong but confident and grounded) is answered by the
/// deterministic simulated SLM (<see cref="SimulatedSlm"/>, a fake OpenAI-compatible server) through the real pipeline
/// (<c>hetero batch run</c>: in-memory bus, in-process workers, OpenAI-compatible backend); per task type it prints
/// right answers completed, wrong answers completed and right answers escalated, and checks the goals. With
/// <c>--random-model PRESET</c> it also runs the same tasks on a make-model random-weight model and counts completions.
/// </summary>
internal sealed class RoutingQualityBenchmark : IBenchmarkCommand
{
    public string Name => "routing";

    public string Description => "routing quality of the default settings on a labelled batch answered by a simulated SLM (--per-type N --seed N --set KEY=VALUE --random-model tiny|smollm2-135m)";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var perType = 80;
        var seed = 20261205;
        string? randomModel = null;
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--per-type": perType = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--random-model": randomModel = args[i + 1]; break;
                case "--set" when args[i + 1].Contains('=', StringComparison.Ordinal):
                    overrides[args[i + 1][..args[i + 1].IndexOf('=', StringComparison.Ordinal)]] = args[i + 1][(args[i + 1].IndexOf('=', StringComparison.Ordinal) + 1)..];
                    break;
                default:
                    await Console.Error.WriteLineAsync($"unknown option {args[i]} {args[i + 1]}; use --per-type N, --seed N, --set KEY=VALUE, --random-model PRESET");
                    return 2;
            }
        }

        var directory = Directory.CreateTempSubdirectory("hetero-routing-").FullName;
        try
        {
            var cases = RoutingQualityCases.Create(perType, seed);
            var described = overrides.Count == 0 ? $"default settings (policy {RoutingPolicy.BuiltInVersion})" : "settings " + string.Join(", ", overrides.Select(o => $"{o.Key}={o.Value}"));
            Console.WriteLine($"routing benchmark: {cases.Count} labelled tasks ({perType} per task type, seed {seed}), {described}, {Environment.ProcessorCount} cores");
            await using (var slm = SimulatedSlm.Start(cases))
            {
                var lines = await RunBatchAsync(directory, cases, new(overrides) { ["Hetero:Slm:Endpoint"] = slm.BaseAddress.ToString(), ["Hetero:Slm:Model"] = "simulated-slm" }, cancellationToken);
                var rows = RoutingQualityScore.Score(cases, lines);
                Console.WriteLine();
                Console.WriteLine(RoutingQualityScore.ToMarkdown(rows));
                var all = rows[^1];
                Console.WriteLine($"goal 0 wrong (unsure or hallucinated) completed: {(all.WrongCompleted == 0 ? "met" : "NOT met")} ({all.WrongCompleted}/{all.Wrong})");
                var weakest = rows.MinBy(r => r.RightConfidentCompletedShare)!;
                Console.WriteLine($"goal >= 95% of right, confident answers completed: {(weakest.RightConfidentCompletedShare >= 0.95 ? "met" : "NOT met")} (lowest: {weakest.Task} {weakest.RightConfidentCompletedShare:P1})");
            }

            if (randomModel is not null)
            {
                var model = Path.Combine(directory, "random-" + randomModel);
                if (MakeModelCommand.Run(["--arch", "llama", "--preset", randomModel, "--seed", "11", "--no-gguf", "--out", model], TextWriter.Null, Console.Error) != 0)
                {
                    return 1;
                }

                // One task at a time per type with a long timeout: a random 135M model generates slowly on a small CPU.
                var lines = await RunBatchAsync(directory, cases, new(overrides)
                {
                    ["Hetero:Slm:Model"] = model,
                    ["Hetero:Slm:MaxOutputTokens"] = "160",
                    ["Hetero:Slm:TimeoutSeconds"] = "3600",
                    ["Hetero:Messaging:ConcurrentMessageLimit"] = "1",
                }, cancellationToken);
                Console.WriteLine();
                Console.WriteLine($"random-weight model ({randomModel}, make-model seed 11), same {cases.Count} tasks: {lines.Count(l => l.Status == BatchTaskStatus.Completed)} completed; escalated by reason: " +
                    string.Join(", ", lines.Where(l => l.Escalation is not null).GroupBy(l => l.Escalation!.Reason.ToWireName()).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}")));
                foreach (var done in lines.Where(l => l.Status == BatchTaskStatus.Completed))
                {
                    Console.WriteLine($"  completed {done.CustomId}: {done.Result?.GetRawText()} confidence {done.Confidence:0.###} ({done.Routing?.ConfidenceSource})");
                }
            }

            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<IReadOnlyList<BatchOutputLine>> RunBatchAsync(string directory, IReadOnlyList<RoutingCase> cases, Dictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        var input = Path.Combine(directory, "routing.jsonl");
        var output = Path.Combine(directory, "routing-out.jsonl");
        await RoutingQualityCases.WriteBatchAsync(cases, input, cancellationToken);
        settings["Hetero:Messaging:Transport"] = "InMemory";
        settings["Hetero:Batch:Store"] = "InMemory";
        settings["Hetero:Flywheel:Logging:DataDirectory"] = Path.Combine(directory, "flywheel");
        using var log = new StringWriter();
        var exit = await HeteroCli.RunAsync(["batch", "run", input, "--out", output, "--no-progress"],
            new CliContext { Out = log, Error = log, Interactive = false, Configuration = settings });
        return exit == 0 ? RoutingQualityScore.ReadOutput(output) : throw new InvalidOperationException($"batch run exited with {exit}: {log}");
    }
}
