using System.Security.Cryptography;
using System.Text;
using HeteroAgents.Contracts;

namespace HeteroAgents.Flywheel;

/// <summary>
/// Groups logged frontier calls into candidate workloads (conversion-loop step S3): first by task type and
/// response-schema fingerprint (<see cref="CanonicalJson.Fingerprint"/>), then within each group by prompt
/// similarity — MinHash signatures over word shingles of all prompt messages, LSH banding to find candidate
/// pairs, and single-link merging of pairs whose estimated Jaccard similarity reaches the threshold.
/// Deterministic for a seed and input order. Escalation records (<see cref="FrontierCallStatus.Escalated"/>) that a logged
/// frontier call resolved are left out (<see cref="EscalationLinks.CollapseResolved"/>), so each escalated task counts once;
/// unresolved ones stay in their workload's cluster and count in its size and escalation rate, never as answered.
/// The example prompts of each cluster are scrubbed (every <see cref="PiiType"/>: names, addresses and dates of birth as
/// well as numbers), so listing clusters of a log that was not scrubbed first shows no personal data.
/// </summary>
public sealed class WorkloadClusterer
{
    private static readonly PiiScrubber ExampleScrubber = new();
    private readonly ClusteringOptions _options;
    private readonly MinHasher _hasher;

    /// <summary>Creates a clusterer; throws <see cref="ArgumentException"/> for invalid options.</summary>
    public WorkloadClusterer(ClusteringOptions? options = null)
    {
        _options = OptionsCheck.Valid(options ?? new ClusteringOptions(), nameof(options));
        _hasher = new MinHasher(_options.NumHashes, _options.ShingleSize, _options.Seed);
    }

    /// <summary>Clusters <paramref name="records"/>; resolved escalation records are not assigned to any cluster.</summary>
    public ClusteringResult Cluster(IReadOnlyList<FrontierCallRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        records = EscalationLinks.CollapseResolved(records);
        var reports = new List<ClusterReport>();
        var assignment = new Dictionary<string, string>(StringComparer.Ordinal);
        var groups = records.GroupBy(r => (Task: r.TaskType ?? "unknown", Schema: CanonicalJson.Fingerprint(r.ResponseSchema)));
        foreach (var group in groups)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var members = group.ToList();
            foreach (var cluster in SplitBySimilarity(members))
            {
                var report = Report(group.Key.Task, group.Key.Schema, cluster);
                reports.Add(report);
                foreach (var r in cluster)
                {
                    assignment[r.Id] = report.Id;
                }
            }
        }

        reports.Sort((a, b) => b.Size != a.Size ? b.Size.CompareTo(a.Size) : string.CompareOrdinal(a.Id, b.Id));
        return new ClusteringResult(reports, assignment);
    }

    private List<List<FrontierCallRecord>> SplitBySimilarity(List<FrontierCallRecord> members)
    {
        var signatures = members.Select(r => _hasher.Signature(PromptText(r))).ToArray();
        var parent = Enumerable.Range(0, members.Count).ToArray();
        var rows = _options.NumHashes / _options.Bands;
        for (var band = 0; band < _options.Bands; band++)
        {
            // Each bucket keeps its first member; later members are compared with it (linear, not all pairs).
            var buckets = new Dictionary<(ulong, ulong), int>();
            for (var i = 0; i < members.Count; i++)
            {
                var key = BandKey(signatures[i], band * rows, rows);
                if (!buckets.TryAdd(key, i))
                {
                    var first = buckets[key];
                    if (Find(parent, first) != Find(parent, i) && MinHasher.Similarity(signatures[first], signatures[i]) >= _options.SimilarityThreshold)
                    {
                        Union(parent, first, i);
                    }
                }
            }
        }

        return [.. Enumerable.Range(0, members.Count)
            .GroupBy(i => Find(parent, i))
            .Select(g => g.Select(i => members[i]).ToList())];
    }

    private ClusterReport Report(string task, string schema, List<FrontierCallRecord> cluster)
    {
        var firstId = cluster.Select(r => r.Id).Min(StringComparer.Ordinal)!;
        var suffix = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(firstId)).AsSpan(0, 3));
        var id = $"{task}-{schema[..Math.Min(8, schema.Length)]}-{suffix}";
        var answered = cluster.Count(r => r.Status == FrontierCallStatus.Ok && !string.IsNullOrEmpty(r.Output));
        var escalated = cluster.Where(r => r.EscalationReason is not null).ToList();
        return new ClusterReport(
            id,
            task,
            schema,
            cluster.Count,
            answered,
            escalated.Count,
            cluster.Count == 0 ? 0 : (double)escalated.Count / cluster.Count,
            escalated.GroupBy(r => r.EscalationReason!.Value.ToWireName()).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            answered >= _options.MinExamplesToFineTune,
            [.. cluster.Where(r => r.WorkloadId is not null).GroupBy(r => r.WorkloadId!).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key)],
            [.. cluster.Take(_options.ExamplePrompts).Select(r => Shorten(ExampleScrubber.Scrub(r.UserText())))],
            cluster.Count(r => r.IsEscalation()));
    }

    private string Shorten(string text)
    {
        text = text.ReplaceLineEndings(" ");
        return text.Length <= _options.ExamplePromptLength ? text : text[.._options.ExamplePromptLength] + "…";
    }

    private static string PromptText(FrontierCallRecord record) => string.Join("\n", record.Messages.Select(m => m.Content));

    private static (ulong, ulong) BandKey(ulong[] signature, int start, int rows)
    {
        ulong a = 17, b = 31;
        for (var i = start; i < start + rows; i++)
        {
            a = a * 1_000_003UL ^ signature[i];
            b = (b ^ signature[i]) * 0x100000001b3UL;
        }

        return (a, b);
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }

    private static void Union(int[] parent, int a, int b)
    {
        var ra = Find(parent, a);
        var rb = Find(parent, b);
        if (ra != rb)
        {
            // The smaller index becomes the root, so results do not depend on merge order.
            parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }
    }
}
