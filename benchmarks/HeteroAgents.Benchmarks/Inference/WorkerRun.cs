using System.Diagnostics;
using HeteroAgents.Contracts;
using HeteroAgents.Worker.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace HeteroAgents.Benchmarks.Inference;

/// <summary>Runs tasks through the worker's <see cref="TaskProcessor{TTask}"/> with N in flight; records latencies and outcomes.</summary>
internal sealed class WorkerRun(IServiceProvider services)
{
    public async Task<WorkerRunResult> ProcessAsync(IReadOnlyList<ITaskMessage> tasks, int concurrency, CancellationToken cancellationToken)
    {
        var latencies = new double[tasks.Count];
        var outcomes = new string[tasks.Count];
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(0, tasks.Count), new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var begun = Stopwatch.GetTimestamp();
            var outcome = await ProcessOneAsync(tasks[i], ct);
            latencies[i] = Stopwatch.GetElapsedTime(begun).TotalMilliseconds;
            outcomes[i] = outcome switch
            {
                TaskCompleted => "completed",
                TaskEscalated e => "escalated " + e.Reason,
                _ => outcome.GetType().Name,
            };
        });
        var wall = Stopwatch.GetElapsedTime(started);
        Array.Sort(latencies);
        return new WorkerRunResult(
            wall,
            latencies[latencies.Length / 2],
            latencies[Math.Min(latencies.Length - 1, (int)(latencies.Length * 0.95))],
            string.Join(", ", outcomes.GroupBy(o => o).OrderByDescending(g => g.Count()).Select(g => $"{g.Count()} {g.Key}")));
    }

    private Task<ITaskOutcome> ProcessOneAsync(ITaskMessage task, CancellationToken cancellationToken) => task switch
    {
        ClassifyTask c => services.GetRequiredService<TaskProcessor<ClassifyTask>>().ProcessAsync(c, true, cancellationToken),
        ExtractTask e => services.GetRequiredService<TaskProcessor<ExtractTask>>().ProcessAsync(e, true, cancellationToken),
        ToolCallTask t => services.GetRequiredService<TaskProcessor<ToolCallTask>>().ProcessAsync(t, true, cancellationToken),
        SummarizeTask s => services.GetRequiredService<TaskProcessor<SummarizeTask>>().ProcessAsync(s, true, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(task)),
    };
}
