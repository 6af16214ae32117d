using System.Globalization;
using System.Text;
using System.Text.Json;
using HeteroAgents.Contracts;
using HeteroAgents.Inference.Generation;
using HeteroAgents.Inference.Templates;
using HeteroAgents.Messaging;
using HeteroAgents.Worker.Backends;
using HeteroAgents.Worker.Hosting;
using HeteroAgents.Worker.Pipeline;
using HeteroAgents.Worker.Prompts;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HeteroAgents.Benchmarks.Inference;

/// <summary>
/// Tasks/s of one worker's pipeline (prompt → in-process model with continuous batching, prefix cache and candidate
/// scoring → parse → validate → confidence) on a batch file, N tasks at once, against llama.cpp doing the same tasks
/// (the same prompt tokens, N sequences, the result schema as a JSON-schema grammar) in the same command.
/// </summary>
internal sealed class WorkerThroughputBenchmark : IBenchmarkCommand
{
    public string Name => "worker-throughput";

    public string Description => "tasks/s of one worker vs llama.cpp: <batch.jsonl> --model DIR [--concurrency 8] [--threads 2] [--make N] [--peer auto|none] [--max-tokens 64] [--passes 1 (RSS and KV after each pass over the batch)]";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        string? batch = null, dir = null;
        var peerArg = "auto";
        int concurrency = 8, threads = 2, make = 0, maxTokens = 64, passes = 1;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--model": dir = Next(); break;
                case "--concurrency": concurrency = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--threads": threads = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--make": make = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--peer": peerArg = Next(); break;
                case "--max-tokens": maxTokens = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--passes": passes = Math.Max(1, int.Parse(Next(), CultureInfo.InvariantCulture)); break;
                default:
                    if (args[i].StartsWith('-') || batch is not null)
                    {
                        Console.Error.WriteLine($"worker-throughput: unknown option {args[i]}");
                        return 2;
                    }

                    batch = args[i];
                    break;
            }
        }

        if (batch is null || dir is null)
        {
            Console.Error.WriteLine("worker-throughput: <batch.jsonl> and --model <dir> are required (--make N writes a classify-heavy batch first)");
            return 2;
        }

        if (make > 0)
        {
            await WriteClassifyHeavyBatchAsync(batch, make, cancellationToken);
        }

        var tasks = await ReadTasksAsync(batch, cancellationToken);
        Console.WriteLine(Invariant($"{MachineLine.Now()}; {tasks.Count} tasks ({string.Join(", ", tasks.GroupBy(t => t.Type).Select(g => $"{g.Count()} {g.Key.ToWireName()}"))}), concurrency {concurrency}, {threads} threads"));
        await using var services = BuildWorker(dir, concurrency, threads, maxTokens);
        var run = new WorkerRun(services);
        await run.ProcessAsync(tasks.Take(Math.Min(4, tasks.Count)).ToList(), concurrency, cancellationToken); // warm-up: load, kernels
        var rssBefore = Environment.WorkingSet;
        var model = services.GetRequiredService<OnnxModelHost>().Get(dir);
        var ours = await run.ProcessAsync(tasks, concurrency, cancellationToken);
        void Memory(int pass) => Console.WriteLine(Invariant($"pass {pass}: {tasks.Count * pass} tasks done; RSS {Environment.WorkingSet / 1048576.0:F0} MiB, managed {GC.GetTotalMemory(false) / 1048576.0:F0} MiB, batch KV now {model.BatchStatistics.KvBytes / 1048576.0:F1} MiB (peak {model.BatchStatistics.PeakKvBytes / 1048576.0:F1})"));
        for (var pass = 2; pass <= passes; pass++)
        {
            // Memory over many tasks: RSS, managed heap and the batch's KV after each pass (the first pass is the one timed below).
            Memory(pass - 1);
            await run.ProcessAsync(tasks, concurrency, cancellationToken);
        }

        if (passes > 1)
        {
            Memory(passes);
        }

        var cache = model.PrefixCacheStatistics;
        var batching = model.BatchStatistics;
        Console.WriteLine(Invariant($"ours: {tasks.Count} tasks in {ours.Wall.TotalSeconds:F1} s = {tasks.Count / ours.Wall.TotalSeconds:F2} tasks/s; latency p50 {ours.P50:F0} ms, p95 {ours.P95:F0} ms; {ours.Summary}"));
        Console.WriteLine(Invariant($"ours: prefix cache hit rate {cache.HitRate:P1} ({cache.Hits}/{cache.Lookups}), prompt tokens reused {cache.TokenReuseRate:P1}, {cache.Entries} entries, {cache.Bytes / 1048576.0:F1} MiB; mean decode batch {batching.MeanBatchSize:F2}, batch KV peak {batching.PeakKvBytes / 1048576.0:F1} of {batching.KvBudgetBytes / 1048576.0:F0} MiB budget, now {batching.KvBytes / 1048576.0:F1} MiB; RSS {rssBefore / 1048576.0:F0} -> {Environment.WorkingSet / 1048576.0:F0} MiB"));

        string? why = null;
        var peer = peerArg == "none" ? null : LlamaCppPeer.Find(dir, peerArg == "auto" ? null : peerArg, out why);
        if (peer is null)
        {
            Console.WriteLine(peerArg == "none" ? "llama.cpp peer: off" : $"llama.cpp peer skipped: {why}");
            return 0;
        }

        var file = Path.Combine(Path.GetTempPath(), $"hetero-worker-peer-{Environment.ProcessId}.json");
        await File.WriteAllTextAsync(file, PeerTasks(services, model, tasks), cancellationToken);
        try
        {
            var json = await peer.WorkerAsync(file, concurrency, threads, maxTokens, cancellationToken);
            var peerRate = json.GetProperty("tasks_per_s").GetDouble();
            Console.WriteLine(Invariant($"llama.cpp: {tasks.Count} tasks in {json.GetProperty("wall_ms").GetDouble() / 1000:F1} s = {peerRate:F2} tasks/s; latency p50 {json.GetProperty("p50_ms").GetDouble():F0} ms, p95 {json.GetProperty("p95_ms").GetDouble():F0} ms; first answers {json.GetProperty("answers")}"));
            Console.WriteLine(Invariant($"ratio (ours / llama.cpp): {tasks.Count / ours.Wall.TotalSeconds / peerRate:F2}x tasks/s"));
        }
        finally
        {
            File.Delete(file);
        }

        return 0;
    }

    /// <summary>A classify-heavy batch: nine classify tasks (five labels, shared instructions) to one extract task.</summary>
    internal static async Task WriteClassifyHeavyBatchAsync(string path, int count, CancellationToken cancellationToken)
    {
        string[] subjects = ["parcel", "invoice", "password", "refund", "delivery", "account", "order", "payment", "address", "subscription"];
        string[] problems = ["never arrived", "was charged twice", "cannot be reset", "is still pending", "came damaged", "was locked", "shows the wrong items", "failed again", "is out of date", "renewed by mistake"];
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false)) { NewLine = "\n" };
        var random = new Random(7);
        for (var i = 0; i < count; i++)
        {
            var id = i.ToString("D6", CultureInfo.InvariantCulture);
            var text = $"Ticket {id}: my {subjects[random.Next(subjects.Length)]} {problems[random.Next(problems.Length)]}, please help.";
            var line = i % 10 == 9
                ? JsonSerializer.Serialize(new { custom_id = id, task = "extract", input = new { text, schema = new { type = "object", properties = new { ticket = new { type = "string" }, topic = new { type = "string" } } } } })
                : JsonSerializer.Serialize(new { custom_id = id, task = "classify", input = new { text, labels = new[] { "refund", "shipping", "account", "billing", "other" }, instructions = "Pick the team that should handle the ticket." } });
            await writer.WriteLineAsync(line.AsMemory(), cancellationToken);
        }
    }

    private static async Task<List<ITaskMessage>> ReadTasksAsync(string path, CancellationToken cancellationToken)
    {
        var parser = new TaskInputParser(new TaskInputParserOptions());
        var tasks = new List<ITaskMessage>();
        long line = 0;
        foreach (var text in await File.ReadAllLinesAsync(path, cancellationToken))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var parsed = parser.Parse(Encoding.UTF8.GetBytes(text), line, "bench");
            tasks.Add(parsed.Task ?? throw new InvalidDataException($"{path}:{line}: {parsed.Error}"));
        }

        return tasks;
    }

    private static ServiceProvider BuildWorker(string dir, int concurrency, int threads, int maxTokens)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hetero:Slm:ModelPath"] = dir,
            ["Hetero:Slm:MaxOutputTokens"] = maxTokens.ToString(CultureInfo.InvariantCulture),
            ["Hetero:Onnx:IntraOpThreads"] = threads.ToString(CultureInfo.InvariantCulture),
            ["Hetero:Messaging:ConcurrentMessageLimit"] = concurrency.ToString(CultureInfo.InvariantCulture),
            ["Hetero:Worker:ConfidenceThreshold"] = "0",
            ["Hetero:Slm:TimeoutSeconds"] = "3600", // a throughput run on a loaded machine: queueing is measured, not escalated
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddOptions<MessagingOptions>().Bind(configuration.GetSection(MessagingOptions.SectionName));
        services.AddHeteroWorker(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>The same tasks for the peer: the worker's prompt rendered and tokenized by the model, and the result schema.</summary>
    private static string PeerTasks(IServiceProvider services, HeteroAgents.Inference.Onnx.OnnxLanguageModel model, List<ITaskMessage> tasks)
    {
        var generator = new TextGenerator(model);
        var items = tasks.Select(t =>
        {
            IReadOnlyList<ChatMessage> messages = t switch
            {
                ClassifyTask c => services.GetRequiredService<IPromptBuilder<ClassifyTask>>().Build(c),
                ExtractTask e => services.GetRequiredService<IPromptBuilder<ExtractTask>>().Build(e),
                ToolCallTask tc => services.GetRequiredService<IPromptBuilder<ToolCallTask>>().Build(tc),
                SummarizeTask s => services.GetRequiredService<IPromptBuilder<SummarizeTask>>().Build(s),
                _ => throw new ArgumentOutOfRangeException(nameof(tasks)),
            };
            var prompt = generator.EncodeChat([.. messages.Select(m => new ChatTurn(m.Role.Value, m.Text))]);
            return new { prompt, schema = ResultSchemas.For(t) };
        });
        return JsonSerializer.Serialize(items);
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
