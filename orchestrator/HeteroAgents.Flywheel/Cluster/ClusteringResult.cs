namespace HeteroAgents.Flywheel;

/// <summary>The clusters of a frontier call log and which cluster each record belongs to.</summary>
/// <param name="Clusters">The clusters, largest first (ties by id).</param>
/// <param name="ClusterOfRecord">Record id to cluster id.</param>
public sealed record ClusteringResult(IReadOnlyList<ClusterReport> Clusters, IReadOnlyDictionary<string, string> ClusterOfRecord)
{
    /// <summary>The cluster with <paramref name="clusterId"/>; throws <see cref="ArgumentException"/> listing the known ids when there is none.</summary>
    public ClusterReport Get(string clusterId) =>
        Clusters.FirstOrDefault(c => c.Id == clusterId)
        ?? throw new ArgumentException(
            $"No cluster '{clusterId}'. Known clusters: {string.Join(", ", Clusters.Take(20).Select(c => c.Id))}{(Clusters.Count > 20 ? ", ..." : "")}.",
            nameof(clusterId));

    /// <summary>The records of <paramref name="records"/> that belong to <paramref name="clusterId"/>, in order.</summary>
    public IEnumerable<FrontierCallRecord> RecordsOf(string clusterId, IEnumerable<FrontierCallRecord> records) =>
        records.Where(r => ClusterOfRecord.TryGetValue(r.Id, out var c) && c == clusterId);
}
