using System.Text;

namespace HeteroAgents.Flywheel;

/// <summary>Entry point of <c>hetero flywheel export --cluster &lt;id&gt; --format chat-jsonl</c> (S4/S5).</summary>
public static class FlywheelExporter
{
    /// <summary>
    /// Clusters the log at <paramref name="inputPath"/> (file or directory) with <see cref="ExportOptions.Clustering"/>,
    /// takes the records of <paramref name="clusterId"/>, scrubs PII from every text field, and writes
    /// <c>train.jsonl</c>, <c>eval.jsonl</c> (deterministic split by record id), <c>lora-recipe.json</c> and the training
    /// hand-off (<see cref="TrainingHandOff"/>: TRL and Unsloth scripts, an Axolotl config, a merge script and
    /// <c>TRAINING.md</c>) into <paramref name="outputDirectory"/>. An unknown cluster id throws <see cref="ArgumentException"/> listing the known ones.
    /// </summary>
    public static async Task<ExportSummary> ExportAsync(
        string inputPath, string clusterId, string outputDirectory, ExportOptions? options = null,
        IProgress<FlywheelProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterId);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        options = OptionsCheck.Valid(options ?? new ExportOptions(), nameof(options));
        var records = await FrontierCallLogReader.ReadListAsync(inputPath, cancellationToken).ConfigureAwait(false);
        var clustering = new WorkloadClusterer(options.Clustering).Cluster(records, cancellationToken);
        var cluster = clustering.Get(clusterId);
        var scrubber = new PiiScrubber(options.Scrub);
        var pii = new Dictionary<PiiType, long>();
        var skipped = new Dictionary<string, int>(StringComparer.Ordinal);
        var train = new List<ChatJsonlExample>();
        var eval = new List<ChatJsonlExample>();
        var done = 0;
        foreach (var record in clustering.RecordsOf(clusterId, records))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var scrubbed = RecordScrubber.Scrub(record, scrubber, pii);
            var example = ChatJsonlExample.FromRecord(scrubbed, out var reason);
            if (example is null)
            {
                skipped[reason!] = skipped.GetValueOrDefault(reason!) + 1;
            }
            else
            {
                (DatasetSplit.IsEval(record.Id, options.EvalFraction) ? eval : train).Add(example);
            }

            progress?.Report(new FlywheelProgress("export", ++done, cluster.Size));
        }

        Directory.CreateDirectory(outputDirectory);
        var trainPath = Path.GetFullPath(Path.Combine(outputDirectory, ExportOptions.TrainFileName));
        var evalPath = Path.GetFullPath(Path.Combine(outputDirectory, ExportOptions.EvalFileName));
        var recipePath = Path.GetFullPath(Path.Combine(outputDirectory, ExportOptions.RecipeFileName));
        await WriteLinesAsync(trainPath, train, cancellationToken).ConfigureAwait(false);
        await WriteLinesAsync(evalPath, eval, cancellationToken).ConfigureAwait(false);
        var recipe = LoraRecipe.Create(cluster, train, eval.Count, options);
        await File.WriteAllTextAsync(recipePath, recipe.ToJson() + "\n", new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
        var trainingFiles = TrainingHandOff.Write(outputDirectory, recipe, cluster.WorkloadIds.FirstOrDefault());
        return new ExportSummary(cluster, trainPath, evalPath, recipePath, train.Count, eval.Count, skipped, pii, recipe, trainingFiles);
    }

    private static async Task WriteLinesAsync(string path, List<ChatJsonlExample> examples, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        foreach (var example in examples)
        {
            await writer.WriteLineAsync(example.ToJsonLine().AsMemory(), cancellationToken).ConfigureAwait(false);
        }
    }
}
