using HeteroAgents.Flywheel;

namespace HeteroAgents.Flywheel.Tests.Cluster;

public sealed class WorkloadClustererTests
{
    private static List<FrontierCallRecord> PlantedLog(int seed)
    {
        var log = new SyntheticLog(seed);
        var records = new List<FrontierCallRecord>();
        for (var i = 0; i < 120; i++)
        {
            records.Add(log.ReviewSentiment(i % 4 == 0 ? HeteroAgents.Contracts.EscalationReason.LowConfidence : null));
        }

        for (var i = 0; i < 80; i++)
        {
            records.Add(log.HeadlineSentiment());
        }

        for (var i = 0; i < 60; i++)
        {
            records.Add(log.TicketRouting());
        }

        for (var i = 0; i < 90; i++)
        {
            records.Add(log.InvoiceExtract());
        }

        for (var i = 0; i < 50; i++)
        {
            records.Add(log.MeetingSummary());
        }

        // Interleave the workloads as a real log would.
        var random = new Random(seed);
        return [.. records.OrderBy(_ => random.Next())];
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(9)]
    public void Planted_workloads_are_separated_into_pure_complete_clusters(int seed)
    {
        var records = PlantedLog(seed);
        var result = new WorkloadClusterer(new ClusteringOptions { MinExamplesToFineTune = 100 }).Cluster(records);

        Assert.Equal(5, result.Clusters.Count);
        foreach (var workload in records.GroupBy(r => r.WorkloadId))
        {
            var clusters = workload.Select(r => result.ClusterOfRecord[r.Id]).Distinct().ToList();
            Assert.True(clusters.Count == 1, $"workload {workload.Key} split over {clusters.Count} clusters");
            var members = records.Where(r => result.ClusterOfRecord[r.Id] == clusters[0]).Select(r => r.WorkloadId).Distinct().ToList();
            Assert.True(members.Count == 1, $"cluster {clusters[0]} mixes workloads {string.Join(",", members)}");
        }

        var reviews = result.Clusters.Single(c => c.WorkloadIds.SequenceEqual(["reviews"]));
        Assert.Equal("classify", reviews.TaskType);
        Assert.Equal(120, reviews.Size);
        Assert.Equal(30, reviews.Escalated);
        Assert.Equal(0.25, reviews.EscalationRate, 3);
        Assert.Equal(30, reviews.EscalationsByReason["low_confidence"]);
        Assert.True(reviews.ReadyToFineTune);
        Assert.False(result.Clusters.Single(c => c.WorkloadIds.SequenceEqual(["meetings"])).ReadyToFineTune);
        Assert.Equal(3, reviews.ExamplePrompts.Count);
        Assert.Equal(result.Clusters.OrderByDescending(c => c.Size).Select(c => c.Size), result.Clusters.Select(c => c.Size));
    }

    [Fact]
    public void Same_seed_and_log_give_the_same_cluster_ids()
    {
        var first = new WorkloadClusterer().Cluster(PlantedLog(11));
        var second = new WorkloadClusterer().Cluster(PlantedLog(11));

        Assert.Equal(first.Clusters.Select(c => (c.Id, c.Size)), second.Clusters.Select(c => (c.Id, c.Size)));
        Assert.Equal(first.ClusterOfRecord.OrderBy(p => p.Key), second.ClusterOfRecord.OrderBy(p => p.Key));
    }

    [Fact]
    public void Ready_flag_uses_the_default_of_500_answered_examples()
    {
        var log = new SyntheticLog(3);
        var records = Enumerable.Range(0, 499).Select(_ => log.TicketRouting()).ToList();
        Assert.False(Assert.Single(new WorkloadClusterer().Cluster(records).Clusters).ReadyToFineTune);

        records.Add(log.TicketRouting());
        Assert.True(Assert.Single(new WorkloadClusterer().Cluster(records).Clusters).ReadyToFineTune);
    }

    [Fact]
    public void Invalid_options_are_rejected_with_the_fields_named()
    {
        var ex = Assert.Throws<ArgumentException>(() => new WorkloadClusterer(new ClusteringOptions { NumHashes = 100, Bands = 64 }));
        Assert.Contains("Bands", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Example_prompts_are_scrubbed_and_a_scrubbed_log_clusters_people_together()
    {
        var log = new SyntheticLog(12);
        var names = new[] { "Olivia Pearson", "Kenji Watanabe", "Ayşe Yılmaz", "Jean-Luc Bertrand" };
        var raw = Enumerable.Range(0, 40).Select(i => log.Record("classify", null, "Route the ticket.",
            $"Hello, my name is {names[i % 4]} and my parcel to {10 + i} Oak Street never arrived.", "{\"label\":\"shipping\"}", "support")).ToList();
        var scrubber = new PiiScrubber();
        var scrubbed = raw.Select(r => RecordScrubber.Scrub(r, scrubber)).ToList();

        var fromRaw = new WorkloadClusterer().Cluster(raw);
        var fromScrubbed = new WorkloadClusterer().Cluster(scrubbed);

        Assert.All(fromRaw.Clusters.SelectMany(c => c.ExamplePrompts), p => Assert.Equal("Hello, my name is <NAME> and my parcel to <ADDRESS> never arrived.", p));
        Assert.Equal(40, Assert.Single(fromScrubbed.Clusters).Size);
    }
}
