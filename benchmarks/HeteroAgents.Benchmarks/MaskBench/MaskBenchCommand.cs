using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace HeteroAgents.Benchmarks.MaskBench;

/// <summary>
/// <c>maskbench --data DIR --tokenizer cl100k|o200k [--threads 1] [--limit N] [--timeout-ms 20000] [--order any|schema] --out results.json</c>.
/// </summary>
internal sealed class MaskBenchCommand : IBenchmarkCommand
{
    public string Name => "maskbench";

    public string Description => "JSON-Schema constrained decoding on MaskBench: correctness, compile time, per-token mask time";

    public Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        MaskBenchOptions options;
        try
        {
            options = MaskBenchOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return Task.FromResult(2);
        }

        if (options.Merge is { } merge)
        {
            var merged = MaskBenchReport.FromRawFiles(merge.Split(','), options);
            merged.Print(Console.Out);
            if (options.Out is { } mergedOut)
            {
                File.WriteAllText(mergedOut, JsonSerializer.Serialize(merged.ToJson(), new JsonSerializerOptions { WriteIndented = true }));
            }

            return Task.FromResult(0);
        }

        if (!Directory.Exists(options.Data))
        {
            Console.Error.WriteLine($"data directory '{options.Data}' not found (pass --data ../shared/bench/maskbench-dev)");
            return Task.FromResult(2);
        }

        var sw = Stopwatch.StartNew();
        var (tokenizer, vocabulary) = TiktokenVocabularies.Load(options.Tokenizer);
        Console.Error.WriteLine($"vocabulary {options.Tokenizer}: {vocabulary.Size} tokens, built in {sw.ElapsedMilliseconds} ms");
        var files = Directory.GetFiles(options.Data, "*.json").Order(StringComparer.Ordinal).Skip(options.Skip).Take(options.Limit).ToList();
        var outcomes = new ConcurrentBag<SchemaOutcome>();
        var runner = new MaskBenchRunner(tokenizer, vocabulary, options);
        var done = 0;
        var running = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        using var watchdog = new Timer(_ =>
        {
            foreach (var (file, start) in running)
            {
                var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
                if (seconds > 10)
                {
                    Console.Error.WriteLine($"slow: {file} running for {seconds:F0} s");
                }
            }
        }, null, 10_000, 10_000);
        sw.Restart();
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = options.Threads, CancellationToken = cancellationToken }, file =>
        {
            SchemaOutcome outcome;
            running[file] = Stopwatch.GetTimestamp();
            try
            {
                outcome = runner.Run(file);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var where = string.Join(" < ", (ex.StackTrace ?? "").Split('\n').Take(3).Select(l => l.Trim()));
                outcome = new SchemaOutcome(Path.GetFileName(file), "engine_error", ex.GetType().Name + ": " + ex.Message + " at " + where, 0, 0, []);
            }

            running.TryRemove(file, out _);
            outcomes.Add(outcome);
            var n = Interlocked.Increment(ref done);
            if (n % 500 == 0)
            {
                Console.Error.WriteLine($"{n}/{files.Count} schemas, {sw.Elapsed.TotalSeconds:F0} s");
            }
        });

        var report = MaskBenchReport.From([.. outcomes.OrderBy(o => o.File, StringComparer.Ordinal)], options, sw.Elapsed);
        report.Print(Console.Out);
        if (options.Out is { } outPath)
        {
            File.WriteAllText(outPath, JsonSerializer.Serialize(report.ToJson(), new JsonSerializerOptions { WriteIndented = true }));
            Console.Error.WriteLine($"wrote {outPath}");
        }

        return Task.FromResult(report.EngineErrors == 0 && report.InvalidationErrors == 0 ? 0 : 1);
    }
}
