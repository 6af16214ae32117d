using System.Text.Json;
using HeteroAgents.Contracts;
using HeteroAgents.Frontier;
using Microsoft.Extensions.AI;

namespace HeteroAgents.Flywheel;

/// <summary>
/// Entry point of <c>hetero flywheel eval --model &lt;dir&gt;</c> (S6): replays held-out logged frontier calls through an SLM
/// (any <see cref="IChatClient"/>) with each record's schema as <see cref="ChatResponseFormat.ForJsonSchema(JsonElement, string?, string?)"/>,
/// compares the answers with the frontier's (<see cref="AnswerComparer"/>), and reports agreement per cluster and the
/// confidence threshold (from the response's <see cref="FlywheelPropertyKeys.Confidence"/>) reaching the target agreement.
/// </summary>
public static class FlywheelEvaluator
{
    /// <summary>Reads and clusters the log at <paramref name="inputPath"/>, then evaluates <paramref name="slm"/> on its held-out records.</summary>
    public static async Task<EvalReport> EvaluateFileAsync(
        string inputPath, IChatClient slm, EvalOptions? options = null, IProgress<FlywheelProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options = OptionsCheck.Valid(options ?? new EvalOptions(), nameof(options));
        var records = await FrontierCallLogReader.ReadListAsync(inputPath, cancellationToken).ConfigureAwait(false);
        var clustering = new WorkloadClusterer(options.Clustering).Cluster(records, cancellationToken);
        return await EvaluateAsync(records, clustering, slm, options, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Evaluates <paramref name="slm"/> on the held-out records of <paramref name="records"/> (clustered as <paramref name="clustering"/>).</summary>
    public static async Task<EvalReport> EvaluateAsync(
        IReadOnlyList<FrontierCallRecord> records, ClusteringResult clustering, IChatClient slm, EvalOptions? options = null,
        IProgress<FlywheelProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(clustering);
        ArgumentNullException.ThrowIfNull(slm);
        options = OptionsCheck.Valid(options ?? new EvalOptions(), nameof(options));
        if (options.ClusterId is { } only)
        {
            _ = clustering.Get(only);
        }

        var scrubber = options.Scrub is null ? null : new PiiScrubber(options.Scrub);

        // Only answered frontier calls have an answer to agree with; escalation records (status escalated) never replay.
        var heldOut = records
            .Where(r => r.Status == FrontierCallStatus.Ok && !string.IsNullOrEmpty(r.Output) && DatasetSplit.IsEval(r.Id, options.EvalFraction))
            .Where(r => r.Messages.All(m => ChatJsonlExample.Roles.Contains(m.Role)))
            .Select(r => (Record: r, Cluster: clustering.ClusterOfRecord.GetValueOrDefault(r.Id)))
            .Where(x => x.Cluster is not null && (options.ClusterId is null || x.Cluster == options.ClusterId))
            .GroupBy(x => x.Cluster!)
            .SelectMany(g => g.Take(options.MaxRecordsPerCluster))
            .Select(x => (Record: scrubber is null ? x.Record : RecordScrubber.Scrub(x.Record, scrubber), Cluster: x.Cluster!))
            .ToList();

        var results = new EvalRecordResult[heldOut.Count];
        var done = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, heldOut.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                results[i] = await ReplayAsync(heldOut[i].Record, heldOut[i].Cluster, slm, options, ct).ConfigureAwait(false);
                progress?.Report(new FlywheelProgress("eval", Interlocked.Increment(ref done), heldOut.Count));
            }).ConfigureAwait(false);

        var clusters = clustering.Clusters
            .Select(c => Summarize(c, [.. results.Where(r => r.ClusterId == c.Id)], options.TargetAgreement))
            .Where(c => c.Replayed > 0)
            .ToList();
        return new EvalReport(options.TargetAgreement, clusters, results);
    }

    private static async Task<EvalRecordResult> ReplayAsync(FrontierCallRecord record, string clusterId, IChatClient slm, EvalOptions options, CancellationToken cancellationToken)
    {
        var messages = record.Messages.Select(m => new ChatMessage(new ChatRole(m.Role), m.Content)).ToList();
        var chatOptions = new ChatOptions
        {
            ResponseFormat = record.ResponseSchema is { ValueKind: JsonValueKind.Object } schema
                ? ChatResponseFormat.ForJsonSchema(schema, "result")
                : ChatResponseFormat.Text,
            MaxOutputTokens = options.MaxOutputTokens,
            Temperature = 0,
        };
        try
        {
            var response = await slm.GetResponseAsync(messages, chatOptions, cancellationToken).ConfigureAwait(false);
            var comparison = AnswerComparer.Compare(record.TaskType, record.Output, response.Text);
            return new EvalRecordResult(record.Id, clusterId, comparison, ConfidenceOf(response), response.Text, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var counted = !TaskTypes.TryParse(record.TaskType, out var t) || t != TaskType.Summarize;
            return new EvalRecordResult(record.Id, clusterId, new AnswerComparison(counted, false, null, "the SLM call failed"), null, null, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private static ClusterAgreement Summarize(ClusterReport cluster, List<EvalRecordResult> results, double target)
    {
        var counted = results.Where(r => r.Comparison.Counted).ToList();
        var agreed = counted.Count(r => r.Comparison.Agree);
        double? agreement = counted.Count == 0 ? null : (double)agreed / counted.Count;
        var fields = results.Where(r => r.Comparison.FieldAgreement is not null).Select(r => r.Comparison.FieldAgreement!.Value).ToList();
        return new ClusterAgreement(
            cluster.Id,
            cluster.TaskType,
            results.Count,
            counted.Count,
            agreed,
            agreement,
            fields.Count == 0 ? null : fields.Average(),
            results.Count(r => r.Error is not null),
            results.Count(r => r.Confidence is null),
            ConfidenceThreshold.Find(results, target),
            agreement >= target);
    }

    private static double? ConfidenceOf(ChatResponse response) =>
        response.AdditionalProperties is { } props && props.TryGetValue(FlywheelPropertyKeys.Confidence, out var value)
            ? value switch
            {
                double d => d,
                float f => f,
                decimal m => (double)m,
                JsonElement { ValueKind: JsonValueKind.Number } e => e.GetDouble(),
                _ => null,
            }
            : null;
}
