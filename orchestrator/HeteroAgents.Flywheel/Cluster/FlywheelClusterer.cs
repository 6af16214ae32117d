namespace HeteroAgents.Flywheel;

/// <summary>Entry point of <c>hetero flywheel clusters</c>.</summary>
public static class FlywheelClusterer
{
    /// <summary>Reads the records of <paramref name="inputPath"/> (a JSONL file or a log directory) and clusters them.</summary>
    public static async Task<ClusteringResult> ClusterFileAsync(
        string inputPath, ClusteringOptions? options = null, IProgress<FlywheelProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var clusterer = new WorkloadClusterer(options);
        var records = await FrontierCallLogReader.ReadListAsync(inputPath, cancellationToken).ConfigureAwait(false);
        progress?.Report(new FlywheelProgress("cluster", 0, records.Count));
        var result = clusterer.Cluster(records, cancellationToken);
        progress?.Report(new FlywheelProgress("cluster", records.Count, records.Count));
        return result;
    }
}
