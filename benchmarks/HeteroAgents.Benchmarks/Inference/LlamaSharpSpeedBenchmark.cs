using System.Globalization;
using HeteroAgents.Inference.Generation;
using HeteroAgents.Inference.LlamaSharp;
using Microsoft.Extensions.Logging.Abstractions;

namespace HeteroAgents.Benchmarks.Inference;

/// <summary>
/// Single-stream prompt and generation speed of the LLamaSharp backend (<c>Hetero:Slm:Backend=llamasharp</c>: the
/// project's generator over LLamaSharp's bundled llama.cpp) against node-llama-cpp on the same GGUF file, run by run.
/// Both are llama.cpp; the difference is the build each ships and the loop around it.
/// </summary>
internal sealed class LlamaSharpSpeedBenchmark : IBenchmarkCommand
{
    public string Name => "llamasharp-speed";

    public string Description => "tokens/s of the LLamaSharp backend vs node-llama-cpp on the same GGUF: --model DIR|FILE.gguf [--threads 1] [--prompt 128] [--generate 128] [--runs 5] [--peer auto|none|FILE.gguf] [--native-library DIR (a llama.cpp build for this machine, e.g. from scripts/build-llama-cpu.sh)]";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        string? path = null;
        var peerArg = "auto";
        string? native = null;
        int threads = 1, promptTokens = 128, generateTokens = 128, runs = 5;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--model": path = Next(); break;
                case "--threads": threads = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--prompt": promptTokens = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--generate": generateTokens = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--runs": runs = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--peer": peerArg = Next(); break;
                case "--native-library": native = Next(); break;
                default: Console.Error.WriteLine($"llamasharp-speed: unknown option {args[i]}"); return 2;
            }
        }

        if (path is null || generateTokens < 2 || runs < 1)
        {
            Console.Error.WriteLine("llamasharp-speed: --model DIR|FILE.gguf is required (--generate >= 2, --runs >= 1)");
            return 2;
        }

        var dir = File.Exists(path) ? Path.GetDirectoryName(Path.GetFullPath(path))! : path;
        var peerGguf = peerArg == "auto" ? (File.Exists(path) ? path : null) : peerArg;
        string? why = null;
        var peer = peerArg == "none" ? null : LlamaCppPeer.Find(dir, peerGguf, out why);
        if (peer is null && peerArg != "none")
        {
            Console.WriteLine($"llama.cpp peer skipped: {why}");
        }

        if (native is not null)
        {
            LlamaNativeLibrary.Use(native);
        }

        // llama.cpp's load chatter (dozens of lines per model) would bury the figures.
        LlamaNativeLog.RouteTo(NullLogger.Instance);
        var options = new LlamaSharpModelOptions { ModelPath = path, Threads = threads, MaxBatchSize = 1, ContextSize = promptTokens + generateTokens + 16 };
        var generation = new GenerationOptions { MaxTokens = generateTokens, StopTokenIds = [] };
        var random = new Random(42);
        int[]? prompt = null;
        var ours = new List<SingleStreamMeasurement>();
        List<double> peerPrompt = [], peerDecode = [];
        var cpu = new CpuRates();
        Console.WriteLine(Invariant($"{MachineLine.Now()}; {path}, {threads} threads, {promptTokens} prompt + {generateTokens} generated tokens"));
        Console.WriteLine($"llama.cpp from {LlamaNativeLibrary.Folder ?? "the LLamaSharp.Backend.Cpu package"}: {LlamaNativeLibrary.SystemInfo()}");
        for (var r = 0; r < runs; r++)
        {
            // A fresh model per run, as every peer run is a fresh process; warmed up at the measured size like the peer.
            using (var model = LlamaSharpModel.Load(options))
            {
                prompt ??= [.. Enumerable.Range(0, promptTokens).Select(_ => random.Next(0, model.VocabularySize - 64))];
                await model.Generator.GenerateAsync(prompt, generation, cancellationToken);
                ours.Add(await SingleStreamRun.MeasureAsync(model.Generator, null, prompt, generation, model.StopTokenIds, null, cancellationToken));
            }

            var m = ours[^1];
            cpu.AddOurs(m.PrefillCpuRate, m.DecodeCpuRate);
            Console.WriteLine(Invariant($"run {r + 1}: LLamaSharp prompt {m.PrefillRate:F0} tok/s, generated {m.DecodeSteps} tok at {m.DecodeRate:F1} tok/s"));
            if (peer is not null)
            {
                var json = await peer.GreedyAsync(prompt, generateTokens, threads, cancellationToken);
                peerPrompt.Add(json.GetProperty("prompt_tokens_per_s").GetDouble());
                peerDecode.Add(json.GetProperty("generation_tokens_per_s").GetDouble());
                cpu.AddPeer(json);
                Console.WriteLine(Invariant($"run {r + 1}: node-llama-cpp prompt {peerPrompt[^1]:F0} tok/s, generation {peerDecode[^1]:F1} tok/s"));
            }
        }

        List<double> prefill = [.. ours.Select(m => m.PrefillRate)], decode = [.. ours.Select(m => m.DecodeRate)];
        Console.WriteLine(Invariant($"median: LLamaSharp prompt {CpuRates.Median(prefill):F0} tok/s, generation {CpuRates.Median(decode):F1} tok/s"));
        if (peer is not null)
        {
            Console.WriteLine(Invariant($"paired ratio (median of each run's LLamaSharp / node-llama-cpp right after it): prompt {CpuRates.PairedRatio(prefill, peerPrompt):F2}x, generation {CpuRates.PairedRatio(decode, peerDecode):F2}x"));
        }

        cpu.Report(peer is not null);
        return 0;
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
