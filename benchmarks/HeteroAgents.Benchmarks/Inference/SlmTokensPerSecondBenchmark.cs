using System.Diagnostics;
using System.Globalization;
using HeteroAgents.Inference.Generation;
using HeteroAgents.Inference.Onnx;
using Microsoft.ML.OnnxRuntime;

namespace HeteroAgents.Benchmarks.Inference;

/// <summary>
/// Prompt-processing and generation speed of the in-process ONNX runtime on a model folder, plus the loop's own
/// overhead per generated token outside ONNX Runtime's <c>Run</c> (sampling, detokenizing, OrtValue set-up).
/// </summary>
internal sealed class SlmTokensPerSecondBenchmark : IBenchmarkCommand
{
    public string Name => "slm-speed";

    public string Description => "tokens/s of the ONNX SLM runtime vs llama.cpp on the same weights: --model DIR [--threads 2] [--prompt 128] [--generate 64] [--runs 3] [--concurrency 1] [--peer auto|none|FILE.gguf] [--provider cpu|cuda] [--profile PREFIX (ORT per-operator trace)] [--same-model (single stream: every run on the first loaded model)] [--float32-prefill auto|on|off (default auto: measured at load)] [--prefill-chunk N (prompt tokens per forward pass; 0: the runtime's choice)] [--huge-pages on|off (default on: the loaded weights on transparent huge pages, Linux)]";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        string? dir = null, profile = null;
        string peerArg = "auto";
        var provider = "cpu";
        int threads = 2, promptTokens = 128, generateTokens = 64, runs = 3, concurrency = 1;
        var float32Prefill = Float32PrefillMode.Auto;
        var prefillChunk = 0;
        var reload = true;
        var hugePages = true;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--model": dir = Next(); break;
                case "--threads": threads = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--prompt": promptTokens = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--generate": generateTokens = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--runs": runs = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--concurrency": concurrency = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--prefill-chunk": prefillChunk = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--float32-prefill": float32Prefill = Float32PrefillArgument.Parse(Next()); break;
                case "--peer": peerArg = Next(); break;
                case "--provider": provider = Next(); break;
                case "--profile": profile = Next(); break;
                case "--same-model": reload = false; break;
                case "--huge-pages":
                    hugePages = Next() switch
                    {
                        "on" => true,
                        "off" => false,
                        var v => throw new ArgumentException($"--huge-pages: '{v}' is not on or off"),
                    };
                    break;
                default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
            }
        }

        if (dir is null)
        {
            Console.Error.WriteLine("slm-speed: --model <dir> is required (e.g. make-model --preset smollm2-135m --out DIR)");
            return 2;
        }

        var load = Stopwatch.StartNew();
        var modelOptions = new OnnxModelOptions { ModelPath = dir, IntraOpThreads = threads, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL, MaxBatchSize = Math.Max(1, concurrency), PrefixCacheMegabytes = 0, ExecutionProvider = provider, ProfileFilePrefix = profile, Float32Prefill = float32Prefill, PrefillChunkTokens = prefillChunk, HugePages = hugePages };
        using var model = OnnxLanguageModel.Load(modelOptions);
        Console.WriteLine(MachineLine.Now());
        string? why = null;
        var peer = peerArg == "none" ? null : LlamaCppPeer.Find(dir, peerArg == "auto" ? null : peerArg, out why);
        if (peer is null && peerArg != "none")
        {
            Console.WriteLine($"llama.cpp peer skipped: {why}");
        }
        Console.WriteLine(Invariant($"model {dir}: vocab {model.VocabularySize}, layers {model.Config.LayerCount}, kv {model.Signature.KvType}, loaded in {load.Elapsed.TotalSeconds:F1} s, {threads} threads, provider {provider}, float32 prompt session {(model.Float32Prefill ? "yes" : "no")} (probe: {model.PromptSessionProbe?.ToString() ?? "none"}), {model.HugePages}, RSS {Environment.WorkingSet >> 20} MiB"));
        var timer = new RunTimer();
        model.Timer = timer;
        var generator = new TextGenerator(model);
        var random = new Random(42);
        var prompt = Enumerable.Range(0, promptTokens).Select(_ => random.Next(0, model.Tokenizer.VocabularySize - 64)).ToArray();
        var options = new GenerationOptions { MaxTokens = generateTokens, StopTokenIds = [] };
        var stops = model.StopTokenIds;

        if (concurrency > 1)
        {
            return await RunConcurrentAsync(generator, peer, concurrency, promptTokens, generateTokens, threads, runs, cancellationToken);
        }

        // Warm-up at the measured size (allocations, KV growth, JIT tiers of the sampling loop, page cache): the first
        // measured run used to pay for them; the llama.cpp peer warms up the same way (greedy.mjs).
        await generator.GenerateAsync(prompt, options, cancellationToken);

        var prefillRates = new List<double>();
        var peerPrompt = new List<double>();
        var peerDecode = new List<double>();
        var decodeRates = new List<double>();
        var overheads = new List<double>();
        var stepOverheads = new List<double>();
        var runShares = new List<double>();
        var cpu = new CpuRates();
        for (var r = 0; r < runs; r++)
        {
            // Each llama.cpp run is a fresh process with fresh allocations; ours differed more from one process to the
            // next (up to 1.7x in one quiet window, same binary and model) than from run to run within one, so by
            // default each of our runs also gets a freshly loaded model (new weight buffers), warmed up the same way.
            OnnxLanguageModel? fresh = null;
            var runGenerator = generator;
            if (reload && r > 0 && profile is null)
            {
                fresh = OnnxLanguageModel.Load(modelOptions);
                fresh.Timer = timer;
                runGenerator = new TextGenerator(fresh);
                await runGenerator.GenerateAsync(prompt, options, cancellationToken);

                // The previous model's and the load's garbage is collected now, not during the measured run.
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
            }

            var m = await SingleStreamRun.MeasureAsync(runGenerator, timer, prompt, options, stops, stepOverheads, cancellationToken);
            prefillRates.Add(m.PrefillRate);
            decodeRates.Add(m.DecodeRate);
            overheads.Add(m.OverheadMsPerToken);
            runShares.Add(m.RunMsPerToken);
            cpu.AddOurs(m.PrefillCpuRate, m.DecodeCpuRate);
            Console.WriteLine(Invariant($"run {r + 1}: prompt {promptTokens} tok in {m.Prefill.TotalMilliseconds:F0} ms ({m.PrefillRate:F0} tok/s); generated {m.DecodeSteps} tok at {m.DecodeRate:F1} tok/s; per token {m.RunMsPerToken:F2} ms in ORT Run + {m.OverheadMsPerToken:F3} ms ours; prompt compute {((fresh ?? model).Float32Prefill ? "float32" : "int8/as written")}"));
            fresh?.Dispose();
            if (peer is not null)
            {
                var json = await peer.GreedyAsync(prompt, generateTokens, threads, cancellationToken);
                peerPrompt.Add(json.GetProperty("prompt_tokens_per_s").GetDouble());
                peerDecode.Add(json.GetProperty("generation_tokens_per_s").GetDouble());
                Console.WriteLine(Invariant($"run {r + 1}: llama.cpp prompt {peerPrompt[^1]:F0} tok/s, generation {peerDecode[^1]:F1} tok/s"));
                cpu.AddPeer(json);
            }
        }

        if (peer is not null)
        {
            Console.WriteLine(Invariant($"ratio (ours / llama.cpp, medians): prompt {Median(prefillRates) / Median(peerPrompt):F2}x ({Median(prefillRates):F0} vs {Median(peerPrompt):F0} tok/s), generation {Median(decodeRates) / Median(peerDecode):F2}x ({Median(decodeRates):F1} vs {Median(peerDecode):F1} tok/s)"));
            Console.WriteLine(Invariant($"paired ratio (median of each run's ours / the peer's run right after it): prompt {CpuRates.PairedRatio(prefillRates, peerPrompt):F2}x, generation {CpuRates.PairedRatio(decodeRates, peerDecode):F2}x"));
        }

        cpu.Report(peer is not null);
        Console.WriteLine(Invariant($"median: prompt processing {Median(prefillRates):F0} tok/s, generation {Median(decodeRates):F1} tok/s, ORT Run {Median(runShares):F2} ms/token, our overhead {Median(overheads):F3} ms/token (mean)"));
        Console.WriteLine(Invariant($"our overhead per decode step outside Run: p50 {Median(stepOverheads):F3} ms, min {stepOverheads.Min():F3} ms over {stepOverheads.Count} steps"));
        return 0;
    }

    /// <summary>N sequences at once (continuous batching) against llama.cpp with N sequences in one context.</summary>
    private static async Task<int> RunConcurrentAsync(TextGenerator generator, LlamaCppPeer? peer, int n, int promptTokens, int generateTokens, int threads, int runs, CancellationToken cancellationToken)
    {
        var model = generator.Model;
        var ours = new List<double>();
        var theirs = new List<double>();
        var options = new GenerationOptions { MaxTokens = generateTokens };

        // One unmeasured round of n sequences first: the running batch's KV grows to n rows here, not in run 1.
        var warmRandom = new Random(999);
        await Task.WhenAll(Enumerable.Range(0, n).Select(_ => generator.GenerateAsync(
            Enumerable.Range(0, promptTokens).Select(_ => warmRandom.Next(256, model.Tokenizer.VocabularySize - 64)).ToArray(), options, cancellationToken)));
        for (var r = 0; r < runs; r++)
        {
            var random = new Random(1000 + r);
            var prompts = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, promptTokens).Select(_ => random.Next(256, model.Tokenizer.VocabularySize - 64)).ToArray()).ToList();
            var before = model.BatchStatistics;
            var started = Stopwatch.GetTimestamp();
            var results = await Task.WhenAll(prompts.Select(p => generator.GenerateAsync(p, options, cancellationToken)));
            var wall = Stopwatch.GetElapsedTime(started);
            var tokens = results.Sum(x => x.Tokens.Count);
            var stats = model.BatchStatistics;
            ours.Add(tokens / wall.TotalSeconds);
            var meanBatch = (double)(stats.RowSteps - before.RowSteps) / Math.Max(1, stats.DecodeSteps - before.DecodeSteps);
            Console.WriteLine(Invariant($"run {r + 1}: ours {n} sequences x {promptTokens} prompt tokens: {tokens} tokens in {wall.TotalMilliseconds:F0} ms = {ours[^1]:F1} tok/s aggregate (mean batch {meanBatch:F1})"));
            if (peer is not null)
            {
                var json = await peer.ParallelAsync(prompts, generateTokens, threads, cancellationToken);
                theirs.Add(json.GetProperty("aggregate_tokens_per_s").GetDouble());
                Console.WriteLine(Invariant($"run {r + 1}: llama.cpp {n} sequences: {json.GetProperty("generated_tokens").GetInt32()} tokens in {json.GetProperty("wall_ms").GetDouble():F0} ms = {theirs[^1]:F1} tok/s aggregate"));
            }
        }

        Console.WriteLine(Invariant($"median aggregate generation at concurrency {n}: ours {Median(ours):F1} tok/s"));
        if (peer is not null)
        {
            Console.WriteLine(Invariant($"ratio (ours / llama.cpp, medians): aggregate {Median(ours) / Median(theirs):F2}x ({Median(ours):F1} vs {Median(theirs):F1} tok/s)"));
            Console.WriteLine(Invariant($"paired ratio (median of each run's ours / the peer's run right after it): aggregate {CpuRates.PairedRatio(ours, theirs):F2}x"));
        }

        return 0;
    }

    private static double Median(List<double> values) => CpuRates.Median(values);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
