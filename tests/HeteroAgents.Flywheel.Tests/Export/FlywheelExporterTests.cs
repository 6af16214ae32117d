using System.Text.Json;
using HeteroAgents.Flywheel;

namespace HeteroAgents.Flywheel.Tests.Export;

public sealed class FlywheelExporterTests
{
    private static async Task<string> WriteLogAsync(TempDirectory dir, int seed)
    {
        var log = new SyntheticLog(seed);
        var lines = new List<string>();
        for (var i = 0; i < 300; i++)
        {
            var record = log.ReviewSentiment();
            if (i % 3 == 0)
            {
                // Plant PII in the prompt and in the answer.
                record = record with
                {
                    Messages = [record.Messages[0], record.Messages[1] with { Content = record.Messages[1].Content + $" Contact me at buyer{i}@example.com or +44 20 7946 {i:0000}." }],
                };
            }

            lines.Add(record.ToJsonLine());
            lines.Add(log.InvoiceExtract().ToJsonLine());
        }

        lines.Add(log.ReviewSentiment() is var failed ? (failed with { Status = FrontierCallStatus.Failed, Output = null }).ToJsonLine() : "");
        lines.Add(log.ReviewSentiment() is var bad ? (bad with { Output = "positive, I think" }).ToJsonLine() : "");
        var path = dir.File("log.jsonl");
        await File.WriteAllLinesAsync(path, lines);
        return path;
    }

    [Fact]
    public async Task Export_writes_scrubbed_chat_jsonl_with_the_documented_fields_and_a_recipe()
    {
        using var dir = new TempDirectory("flywheel-tests");
        var logPath = await WriteLogAsync(dir, 5);
        var clusters = await FlywheelClusterer.ClusterFileAsync(logPath);
        var reviews = clusters.Clusters.Single(c => c.WorkloadIds.Contains("reviews"));
        var outDir = Path.Combine(dir.Path, "out");

        var summary = await FlywheelExporter.ExportAsync(logPath, reviews.Id, outDir);

        Assert.Equal(302, reviews.Size);
        Assert.Equal(300, summary.TrainExamples + summary.EvalExamples);
        Assert.Equal(1, summary.Skipped["failed_call"]);
        Assert.Equal(1, summary.Skipped["output_not_json"]);
        Assert.InRange(summary.EvalExamples, 15, 50); // about 10% of 300
        Assert.Equal(100, summary.PiiReplacements[PiiType.Email]);
        Assert.Equal(100, summary.PiiReplacements[PiiType.Phone]);

        var all = File.ReadAllLines(summary.TrainPath).Concat(File.ReadAllLines(summary.EvalPath)).ToList();
        Assert.Equal(300, all.Count);
        foreach (var line in all)
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            Assert.Equal(["messages"], root.EnumerateObject().Select(p => p.Name));
            var messages = root.GetProperty("messages").EnumerateArray().ToList();
            Assert.Equal(["system", "user", "assistant"], messages.Select(m => m.GetProperty("role").GetString()));
            foreach (var m in messages)
            {
                Assert.Equal(["role", "content"], m.EnumerateObject().Select(p => p.Name));
                Assert.False(string.IsNullOrEmpty(m.GetProperty("content").GetString()));
            }

            using var answer = JsonDocument.Parse(messages[2].GetProperty("content").GetString()!);
            Assert.True(answer.RootElement.TryGetProperty("label", out _));
            Assert.DoesNotContain("@example.com", line, StringComparison.Ordinal);
            Assert.DoesNotContain("7946", line, StringComparison.Ordinal);
        }

        Assert.Equal(100, all.Count(l => l.Contains("<EMAIL>", StringComparison.Ordinal) && l.Contains("<PHONE>", StringComparison.Ordinal)));

        using var recipe = JsonDocument.Parse(File.ReadAllText(summary.RecipePath));
        var r = recipe.RootElement;
        Assert.Equal(reviews.Id, r.GetProperty("cluster_id").GetString());
        Assert.Equal("classify", r.GetProperty("task_type").GetString());
        Assert.Equal("HuggingFaceTB/SmolLM2-360M-Instruct", r.GetProperty("base_model").GetString());
        Assert.Equal("chat-jsonl", r.GetProperty("dataset_format").GetString());
        Assert.Equal("train.jsonl", r.GetProperty("train_path").GetString());
        Assert.Equal("eval.jsonl", r.GetProperty("eval_path").GetString());
        Assert.Equal(8, r.GetProperty("lora_rank").GetInt32());
        Assert.Equal(16, r.GetProperty("lora_alpha").GetInt32());
        Assert.Equal(2e-4, r.GetProperty("learning_rate").GetDouble());
        Assert.Equal(3, r.GetProperty("epochs").GetInt32());
        Assert.Equal(256, r.GetProperty("max_seq_len").GetInt32());
        Assert.Equal(summary.TrainExamples, r.GetProperty("train_examples").GetInt32());
    }

    [Fact]
    public async Task Names_addresses_and_dates_of_birth_are_replaced_in_the_exported_data()
    {
        using var dir = new TempDirectory("flywheel-tests");
        var log = new SyntheticLog(4);
        var people = new[] { ("Jonas Weber", "Lindenstraße 3, 10115 Berlin", "02.03.1985"), ("Amelia Grant", "14 Elm Road, Leeds LS6 1AB", "17/09/1990") };
        var lines = Enumerable.Range(0, 40).Select(i =>
        {
            var (name, address, dob) = people[i % 2];
            var record = log.ReviewSentiment();
            return (record with { Messages = [record.Messages[0], record.Messages[1] with { Content = $"{record.Messages[1].Content} My name is {name}, I live at {address}, date of birth: {dob}." }] }).ToJsonLine();
        });
        var logPath = dir.File("people.jsonl");
        await File.WriteAllLinesAsync(logPath, lines);
        var cluster = Assert.Single((await FlywheelClusterer.ClusterFileAsync(logPath)).Clusters);

        var summary = await FlywheelExporter.ExportAsync(logPath, cluster.Id, Path.Combine(dir.Path, "out"));

        Assert.Equal((40L, 40L, 40L), (summary.PiiReplacements[PiiType.Name], summary.PiiReplacements[PiiType.Address], summary.PiiReplacements[PiiType.DateOfBirth]));
        var exported = File.ReadAllLines(summary.TrainPath).Concat(File.ReadAllLines(summary.EvalPath)).ToList();
        Assert.Equal(40, exported.Count);
        Assert.All(exported, line => Assert.Contains("My name is <NAME>, I live at <ADDRESS>, date of birth: <DOB>.", line, StringComparison.Ordinal));
        Assert.DoesNotContain(exported, line => people.Any(p => line.Contains(p.Item1, StringComparison.Ordinal) || line.Contains(p.Item3, StringComparison.Ordinal)));
        Assert.DoesNotContain(cluster.ExamplePrompts, p => people.Any(person => p.Contains(person.Item1, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_split_is_deterministic_and_the_same_for_export_and_eval()
    {
        using var dir = new TempDirectory("flywheel-tests");
        var logPath = await WriteLogAsync(dir, 9);
        var records = await FrontierCallLogReader.ReadListAsync(logPath);
        var invoices = (await FlywheelClusterer.ClusterFileAsync(logPath)).Clusters.Single(c => c.WorkloadIds.Contains("invoices"));

        var first = await FlywheelExporter.ExportAsync(logPath, invoices.Id, Path.Combine(dir.Path, "a"));
        var second = await FlywheelExporter.ExportAsync(logPath, invoices.Id, Path.Combine(dir.Path, "b"));

        Assert.Equal(File.ReadAllLines(first.EvalPath), File.ReadAllLines(second.EvalPath));
        Assert.Equal(File.ReadAllLines(first.TrainPath), File.ReadAllLines(second.TrainPath));
        Assert.Equal(records.Count(r => r.WorkloadId == "invoices" && DatasetSplit.IsEval(r.Id)), first.EvalExamples);
        Assert.Equal("Qwen/Qwen3-0.6B", first.Recipe.BaseModel);
    }

    [Fact]
    public async Task Invalid_nested_options_are_rejected_naming_the_field()
    {
        using var dir = new TempDirectory("flywheel-tests");
        var logPath = await WriteLogAsync(dir, 3);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => FlywheelExporter.ExportAsync(logPath, "x", dir.File("o"),
            new ExportOptions { Clustering = new ClusteringOptions { SimilarityThreshold = 2 } }));
        Assert.Contains("Clustering.SimilarityThreshold", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_cluster_id_is_rejected_naming_the_known_ones()
    {
        using var dir = new TempDirectory("flywheel-tests");
        var logPath = await WriteLogAsync(dir, 2);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => FlywheelExporter.ExportAsync(logPath, "classify-nope", dir.File("x")));
        Assert.Contains("No cluster 'classify-nope'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("extract-", ex.Message, StringComparison.Ordinal);
    }
}
