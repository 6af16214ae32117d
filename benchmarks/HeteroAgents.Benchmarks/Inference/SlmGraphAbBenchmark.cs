using System.Globalization;
using HeteroAgents.Inference.Generation;
using HeteroAgents.Inference.Onnx;
using Microsoft.ML.OnnxRuntime;

namespace HeteroAgents.Benchmarks.Inference;

/// <summary>
/// A/B of two ONNX model folders in one process, e.g. two graph choices for the same seeded weights: each pair loads
/// A and B afresh (new weight buffers, warmed up at the measured size), measures one single-stream generation of each,
/// and alternates which goes first. Reports the median of the pairs' B/A ratios by wall clock and by CPU time and how
/// many pairs B won. Each load is a new draw of the process-level variation that a single <c>slm-speed</c> command
/// cannot average out (same binary and model differ up to 1.7x from one load to the next on a shared machine), and
/// pairing within seconds cancels the machine's drift; a graph change of a few percent needs this many pairs to show.
/// </summary>
internal sealed class SlmGraphAbBenchmark : IBenchmarkCommand
{
    public string Name => "slm-ab";

    public string Description => "two ONNX model folders (e.g. graph choices for the same weights) in one process, fresh loads in alternating order, paired B/A ratios: --a DIR --b DIR [--threads 1] [--prompt 128] [--generate 128] [--pairs 12] [--float32-prefill off|on|auto (default off: each graph as written)]";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        string? a = null, b = null;
        int threads = 1, promptTokens = 128, generateTokens = 128, pairs = 12;
        var float32Prefill = Float32PrefillMode.Off;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--a": a = Next(); break;
                case "--b": b = Next(); break;
                case "--threads": threads = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--prompt": promptTokens = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--generate": generateTokens = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--pairs": pairs = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--float32-prefill": float32Prefill = Float32PrefillArgument.Parse(Next()); break;
                default: Console.Error.WriteLine($"slm-ab: unknown option {args[i]}"); return 2;
            }
        }

        if (a is null || b is null || pairs < 1 || generateTokens < 2)
        {
            Console.Error.WriteLine("slm-ab: --a DIR and --b DIR are required (--pairs >= 1, --generate >= 2)");
            return 2;
        }

        var random = new Random(42);
        int[]? prompt = null;
        var options = new GenerationOptions { MaxTokens = generateTokens, StopTokenIds = [] };
        List<SingleStreamMeasurement> ra = [], rb = [];
        Console.WriteLine(Invariant($"{MachineLine.Now()}; A = {a}, B = {b}, {threads} threads, {promptTokens} prompt + {generateTokens} generated tokens, {pairs} pairs"));
        for (var p = 0; p < pairs; p++)
        {
            foreach (var side in p % 2 == 0 ? "AB" : "BA")
            {
                var dir = side == 'A' ? a : b;
                var results = side == 'A' ? ra : rb;
                var timer = new RunTimer();
                using (var model = OnnxLanguageModel.Load(new OnnxModelOptions { ModelPath = dir, IntraOpThreads = threads, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL, MaxBatchSize = 1, PrefixCacheMegabytes = 0, Float32Prefill = float32Prefill }))
                {
                    model.Timer = timer;
                    prompt ??= [.. Enumerable.Range(0, promptTokens).Select(_ => random.Next(0, model.Tokenizer.VocabularySize - 64))];
                    var generator = new TextGenerator(model);
                    await generator.GenerateAsync(prompt, options, cancellationToken);
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    GC.Collect();
                    results.Add(await SingleStreamRun.MeasureAsync(generator, timer, prompt, options, model.StopTokenIds, null, cancellationToken));
                }

                var m = results[^1];
                Console.WriteLine(Invariant($"pair {p + 1} {side}: prompt {m.PrefillRate:F0} tok/s ({m.PrefillCpuRate:F0}/cpu-s), generation {m.DecodeRate:F1} tok/s ({m.DecodeCpuRate:F1}/cpu-s), ORT Run {m.RunMsPerToken:F2} ms/token"));
            }
        }

        void Line(string what, Func<SingleStreamMeasurement, double> pick)
        {
            var av = ra.Select(pick).ToList();
            var bv = rb.Select(pick).ToList();
            var ratios = bv.Zip(av, (x, y) => x / y).Order().ToList();
            var wins = ratios.Count(r => r > 1);
            Console.WriteLine(Invariant($"{what}: A {CpuRates.Median(av):F1}, B {CpuRates.Median(bv):F1}; B/A paired median {CpuRates.Median(ratios):F3}x (quartiles {Quantile(ratios, 0.25):F3}-{Quantile(ratios, 0.75):F3}), B ahead in {wins} of {ratios.Count} pairs"));
        }

        Line("prompt tok/s", m => m.PrefillRate);
        Line("prompt tok/cpu-s", m => m.PrefillCpuRate);
        Line("generation tok/s", m => m.DecodeRate);
        Line("generation tok/cpu-s", m => m.DecodeCpuRate);
        return 0;
    }

    private static double Quantile(List<double> sorted, double q)
    {
        var at = q * (sorted.Count - 1);
        var lo = (int)Math.Floor(at);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + ((sorted[hi] - sorted[lo]) * (at - lo));
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
