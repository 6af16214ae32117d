using HeteroAgents.Contracts;
using HeteroAgents.Flywheel;
using HeteroAgents.Frontier;
using HeteroAgents.Worker.Hosting;
using HeteroAgents.Worker.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HeteroAgents.Orchestrator.Routing;

/// <summary>
/// Runs the tasks of logged reference answers again through the worker's own pipeline (<c>AddHeteroWorker</c>: the same
/// prompts, backend, checks and confidence as a running worker) with the confidence gate off, against one model, so the
/// confidence a sample carries is the one a worker's gate would see. The model is a folder or GGUF file (in-process) or a
/// model id of the configured OpenAI-compatible server (<c>Hetero:Slm:Endpoint</c>); null: the configured model.
/// </summary>
public sealed class TaskReplayer : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    /// <summary>Builds a worker pipeline over <paramref name="configuration"/> for <paramref name="model"/>, with <paramref name="settings"/> over both.</summary>
    public TaskReplayer(IConfiguration configuration, string? model, IReadOnlyDictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var overrides = new Dictionary<string, string?>
        {
            ["Hetero:Worker:ConfidenceThreshold"] = "0",
            ["Hetero:Routing:PolicyFile"] = null,
            ["Hetero:Routing:PolicyRedisKey"] = null,
        };
        if (model is not null)
        {
            overrides[File.Exists(model) || Directory.Exists(model) ? "Hetero:Slm:ModelPath" : "Hetero:Slm:Model"] = model;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        var config = new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(overrides).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(config);
        services.AddHeteroWorker(config);
        _services = services.BuildServiceProvider();
        ServedBy = _services.GetRequiredService<ServedByName>().Value;
    }

    /// <summary>What outcomes of this pipeline report as <c>served_by</c>.</summary>
    public string ServedBy { get; }

    /// <summary>Replays <paramref name="references"/> (<paramref name="concurrency"/> at once), reporting progress.</summary>
    public async Task<IReadOnlyList<ReplayedAnswer>> ReplayAsync(
        IReadOnlyList<ReferenceAnswer> references, int concurrency, IProgress<FlywheelProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(references);
        var results = new ReplayedAnswer[references.Count];
        var done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, references.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, concurrency), CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                results[i] = await ReplayAsync(references[i], ct).ConfigureAwait(false);
                progress?.Report(new FlywheelProgress("replay " + ServedBy, Interlocked.Increment(ref done), references.Count));
            }).ConfigureAwait(false);
        return results;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private async Task<ReplayedAnswer> ReplayAsync(ReferenceAnswer reference, CancellationToken cancellationToken)
    {
        var record = reference.Escalation;
        var taskId = Guid.TryParse(record.TaskId, out var id) ? id : Guid.NewGuid();
        var task = EscalationResolver.ToTask(reference.Type, taskId, record.BatchId ?? "replay", record.TaskId ?? taskId.ToString(), record.Input!.Value, reference.Workload);
        var outcome = task switch
        {
            ClassifyTask t => await ProcessAsync(t, cancellationToken).ConfigureAwait(false),
            ExtractTask t => await ProcessAsync(t, cancellationToken).ConfigureAwait(false),
            ToolCallTask t => await ProcessAsync(t, cancellationToken).ConfigureAwait(false),
            SummarizeTask t => await ProcessAsync(t, cancellationToken).ConfigureAwait(false),
            _ => throw new ArgumentException($"unknown task message {task.GetType().Name}"),
        };
        switch (outcome)
        {
            case TaskCompleted completed:
            {
                var comparison = AnswerComparer.Compare(record.TaskType, reference.FrontierCall.Output, completed.Result.GetRawText());
                var sample = comparison.Counted
                    ? new CalibrationSample(reference.Workload, reference.Type, completed.Confidence, comparison.Agree && completed.Confidence is not null, "replay", reference.FrontierCall.Id)
                    : null;
                return new ReplayedAnswer(sample, completed.LatencyMs, completed.Usage.InputTokens + completed.Usage.OutputTokens, completed.Usage.InputTokens);
            }

            case TaskEscalated escalated:
                return new ReplayedAnswer(new CalibrationSample(reference.Workload, reference.Type, null, false, "replay", reference.FrontierCall.Id),
                    escalated.LatencyMs, escalated.Usage.InputTokens + escalated.Usage.OutputTokens, escalated.Usage.InputTokens);
            default:
                return new ReplayedAnswer(null, 0, 0);
        }
    }

    private Task<ITaskOutcome> ProcessAsync<TTask>(TTask task, CancellationToken cancellationToken)
        where TTask : class, ITaskMessage =>
        _services.GetRequiredService<TaskProcessor<TTask>>().ProcessAsync(task, finalAttempt: true, cancellationToken);
}
