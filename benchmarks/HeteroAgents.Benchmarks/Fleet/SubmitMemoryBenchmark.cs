using System.Diagnostics;
using System.Globalization;
using HeteroAgents.Contracts;
using HeteroAgents.Orchestrator;
using HeteroAgents.Orchestrator.Batches;
using HeteroAgents.Orchestrator.Store;
using HeteroAgents.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HeteroAgents.Benchmarks.Fleet;

/// <summary>
/// <c>submit-memory</c>: submits a generated N-line batch (default 1,000,000) through the real submitter, parser and
/// Redis store, with the broker replaced by a sender that drops the task (the broker side is bounded by
/// MaxInFlightSends anyway), and samples the process's managed heap and working set as lines go by: they must stay
/// flat while the line count grows.
/// </summary>
internal sealed class SubmitMemoryBenchmark : IBenchmarkCommand
{
    public string Name => "submit-memory";

    public string Description => "memory of submitting a large batch (--lines N, default 1,000,000) with the Redis store";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var i = Array.IndexOf(args, "--lines");
        var lines = i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : 1_000_000;
        var directory = Directory.CreateTempSubdirectory("hetero-submit-").FullName;
        var prefix = $"hetero-bench:{Guid.NewGuid():N}:";
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hetero:Batch:Store"] = "Redis",
            ["Hetero:Redis:KeyPrefix"] = prefix,
            ["Hetero:Redis:BatchTtl"] = "00:30:00",
        });
        builder.Services.AddSingleton<ITaskSender, DroppingTaskSender>();
        builder.Services.AddHeteroOrchestrator(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync(cancellationToken);
        try
        {
            var input = await BenchBatchFile.WriteAsync(directory, "large.jsonl", lines, cancellationToken);
            Console.WriteLine($"submit-memory: {lines:N0} lines, {new FileInfo(input).Length / 1e6:N0} MB file, Redis store");
            var progress = new SubmitProgress();
            var batchId = BatchSubmitter.NewBatchId(TimeProvider.System);
            var started = Stopwatch.GetTimestamp();
            var submission = host.Services.GetRequiredService<BatchSubmitter>().SubmitAsync(batchId, input, throttleOnOutcomes: false, progress, cancellationToken);
            long peakHeap = 0;
            long peakWorkingSet = 0;
            var nextReport = lines / 10;
            while (!submission.IsCompleted)
            {
                await Task.WhenAny(submission, Task.Delay(200, cancellationToken));
                var heap = GC.GetTotalMemory(false);
                var workingSet = Environment.WorkingSet;
                peakHeap = Math.Max(peakHeap, heap);
                peakWorkingSet = Math.Max(peakWorkingSet, workingSet);
                if (progress.Lines >= nextReport)
                {
                    Console.WriteLine($"  {progress.Lines,10:N0} lines: managed heap {heap / 1e6,6:N0} MB, working set {workingSet / 1e6,6:N0} MB");
                    nextReport += lines / 10;
                }
            }

            await submission;
            var elapsed = Stopwatch.GetElapsedTime(started);
            var info = await host.Services.GetRequiredService<IBatchStore>().GetAsync(batchId, cancellationToken);
            Console.WriteLine($"done: {info!.Counts.Total:N0} lines registered in {elapsed.TotalSeconds:N1} s ({info.Counts.Total / elapsed.TotalSeconds:N0} lines/s); " +
                              $"peak managed heap {peakHeap / 1e6:N0} MB, peak working set {peakWorkingSet / 1e6:N0} MB");
            await DeleteKeysAsync(host.Services, prefix, batchId, cancellationToken);
            return 0;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task DeleteKeysAsync(IServiceProvider services, string prefix, string batchId, CancellationToken ct)
    {
        var db = await services.GetRequiredService<RedisConnection>().GetDatabaseAsync(ct);
        foreach (var suffix in new[] { string.Empty, ":tasks", ":out" })
        {
            await db.KeyDeleteAsync($"{prefix}batch:{batchId}{suffix}");
        }
    }

    private sealed class DroppingTaskSender : ITaskSender
    {
        public Task SendAsync(ITaskMessage task, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
