using System.Globalization;
using System.Text.Json;
using HeteroAgents.Contracts;
using HeteroAgents.Flywheel;
using HeteroAgents.Orchestrator.Tests.Support;
using HeteroAgents.Testing.OpenAi;
using Microsoft.Extensions.AI;

namespace HeteroAgents.Orchestrator.Tests.Cli;

/// <summary>`hetero flywheel scrub → clusters → export` on a small frontier call log written by the real JSONL log writer.</summary>
public sealed class FlywheelCommandTests : IAsyncLifetime
{
    private const string Schema = """{"type":"object","properties":{"label":{"type":"string","enum":["refund","shipping","other"]}},"required":["label"]}""";
    private readonly string _directory = Directory.CreateTempSubdirectory("hetero-cli-flywheel-").FullName;
    private string _logDirectory = null!;

    public async Task InitializeAsync()
    {
        _logDirectory = Path.Combine(_directory, "log");
        var log = new JsonlFrontierCallLog(_logDirectory);
        var at = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 30; i++)
        {
            var user = string.Create(CultureInfo.InvariantCulture,
                $"Ticket #{1000 + i}: my order {i} has not arrived yet, please tell me where the shipping parcel is. Contact me at customer{i}@example.com");
            await log.AppendAsync(new FrontierCallRecord(
                string.Create(CultureInfo.InvariantCulture, $"rec-{i:D4}"), at.AddMinutes(i), "classify", "support", null, "gpt-4o-mini",
                [new LoggedMessage("system", "Route the support ticket to refund, shipping or other."), new LoggedMessage("user", user)],
                JsonDocument.Parse(Schema).RootElement.Clone(), """{"label":"shipping"}""", FrontierCallStatus.Ok, null,
                EscalationReason.LowConfidence, 700, 120, 5, 0.0001m, null, false));
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Scrub_clusters_and_export_a_log()
    {
        var scrubbed = Path.Combine(_directory, "scrubbed.jsonl");
        var scrub = await CliRunner.RunAsync("flywheel", "scrub", _logDirectory, "-o", scrubbed);
        Assert.True(scrub.ExitCode == 0, scrub.ToString());
        var text = await File.ReadAllTextAsync(scrubbed);
        Assert.DoesNotContain("@example.com", text, StringComparison.Ordinal);
        Assert.Contains("<EMAIL>", text, StringComparison.Ordinal);
        Assert.Equal(30, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Matches(@"records changed\s*│?\s*30", scrub.Out);
        Assert.Contains("scrub: 30", scrub.Error, StringComparison.Ordinal);

        var clusters = await CliRunner.RunAsync("flywheel", "clusters", scrubbed, "--json");
        Assert.True(clusters.ExitCode == 0, clusters.ToString());
        var cluster = Assert.Single(JsonDocument.Parse(clusters.Out).RootElement.EnumerateArray());
        var id = cluster.GetProperty("id").GetString()!;
        Assert.StartsWith("classify-", id, StringComparison.Ordinal);
        Assert.Equal(30, cluster.GetProperty("size").GetInt32());

        var table = await CliRunner.RunAsync("flywheel", "clusters", scrubbed);
        Assert.Contains(id, table.Out, StringComparison.Ordinal);

        var dataset = Path.Combine(_directory, "dataset");
        var export = await CliRunner.RunAsync("flywheel", "export", scrubbed, "--cluster", id, "--format", "chat-jsonl", "-o", dataset);
        Assert.True(export.ExitCode == 0, export.ToString());
        var train = await File.ReadAllLinesAsync(Path.Combine(dataset, "train.jsonl"));
        var held = await File.ReadAllLinesAsync(Path.Combine(dataset, "eval.jsonl"));
        Assert.Equal(30, train.Length + held.Length);
        Assert.NotEmpty(train);
        Assert.Contains("\"assistant\"", train[0], StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dataset, "lora-recipe.json")));
        Assert.Contains("SmolLM2-360M-Instruct", export.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unresolved_escalations_are_scrubbed_counted_in_clusters_and_never_exported()
    {
        var logDirectory = Path.Combine(_directory, "with-escalations");
        await using (var log = new JsonlFrontierCallLog(logDirectory))
        {
            foreach (var line in File.ReadLines(Directory.EnumerateFiles(_logDirectory, "*.jsonl").Single()).Take(10))
            {
                await log.AppendAsync(FrontierCallRecord.Parse(line, "setup"));
            }

            for (var i = 0; i < 3; i++)
            {
                var text = string.Create(CultureInfo.InvariantCulture, $"Ticket #{2000 + i}: my order {i} has not arrived yet, please tell me where the shipping parcel is. Contact me at waiting{i}@example.com");
                var escalated = new TaskEscalated(Guid.NewGuid(), "batch-1", $"e{i}", TaskType.Classify, EscalationReason.LowConfidence, "p=0.4",
                    JsonSerializer.SerializeToElement(new { text, labels = new[] { "refund", "shipping", "other" } }),
                    """{"label":"other","reply_to":"waiting@example.com"}""", "slm:m", 0.4, new TaskUsage(50, 5), 30);
                await log.AppendAsync(FlywheelEscalationLog.CreateRecord(escalated,
                    [new ChatMessage(ChatRole.System, "Route the support ticket to refund, shipping or other."), new ChatMessage(ChatRole.User, text)],
                    JsonDocument.Parse(Schema).RootElement.Clone(), "support", DateTimeOffset.UtcNow));
            }
        }

        var scrubbed = Path.Combine(_directory, "scrubbed-esc.jsonl");
        Assert.Equal(0, (await CliRunner.RunAsync("flywheel", "scrub", logDirectory, "-o", scrubbed)).ExitCode);
        Assert.DoesNotContain("@example.com", await File.ReadAllTextAsync(scrubbed), StringComparison.Ordinal);

        var clusters = await CliRunner.RunAsync("flywheel", "clusters", scrubbed, "--json");
        var cluster = Assert.Single(JsonDocument.Parse(clusters.Out).RootElement.EnumerateArray());
        Assert.Equal((13, 10, 3), (cluster.GetProperty("size").GetInt32(), cluster.GetProperty("answered").GetInt32(), cluster.GetProperty("unresolved").GetInt32()));
        var table = await CliRunner.RunAsync("flywheel", "clusters", scrubbed);
        Assert.Contains("unresolved", table.Out, StringComparison.Ordinal);

        var dataset = Path.Combine(_directory, "dataset-esc");
        var export = await CliRunner.RunAsync("flywheel", "export", scrubbed, "--cluster", cluster.GetProperty("id").GetString()!, "--format", "chat-jsonl", "-o", dataset);
        Assert.True(export.ExitCode == 0, export.ToString());
        var examples = (await File.ReadAllLinesAsync(Path.Combine(dataset, "train.jsonl"))).Concat(await File.ReadAllLinesAsync(Path.Combine(dataset, "eval.jsonl"))).ToList();
        Assert.Equal(10, examples.Count);
        Assert.DoesNotContain(examples, e => e.Contains("Ticket #200", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Eval_replays_held_out_calls_through_the_configured_slm()
    {
        await using var slm = FakeOpenAiCompatibleServer.Start();
        var configuration = new Dictionary<string, string?>
        {
            ["Hetero:Slm:Endpoint"] = slm.BaseAddress.ToString(),
            ["Hetero:Slm:Model"] = "fake-slm",
            ["Hetero:Flywheel:Eval:EvalFraction"] = "0.5",
        };

        var result = await CliRunner.RunAsync(configuration, ["flywheel", "eval", _logDirectory]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.NotEmpty(slm.Requests);
        var row = Assert.Single(result.Out.Split('\n'), l => l.Contains("classify-", StringComparison.Ordinal));
        var agreed = System.Text.RegularExpressions.Regex.Match(row, @"(\d+)/(\d+)");
        Assert.True(agreed.Success, result.ToString());
        Assert.Equal(agreed.Groups[2].Value, agreed.Groups[1].Value);
        Assert.Equal(slm.Requests.Count.ToString(CultureInfo.InvariantCulture), agreed.Groups[2].Value);
        Assert.Contains("100.0", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_of_an_unknown_cluster_is_a_usage_error_listing_the_known_ones()
    {
        var result = await CliRunner.RunAsync("flywheel", "export", _logDirectory, "--cluster", "classify-nope", "-o", Path.Combine(_directory, "x"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("classify-nope", result.Error, StringComparison.Ordinal);
        Assert.Contains("classify-", result.Error.Replace("classify-nope", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_log_is_a_usage_error_naming_the_path()
    {
        var missing = Path.Combine(_directory, "nope.jsonl");

        var result = await CliRunner.RunAsync("flywheel", "clusters", missing);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(missing, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrub_without_out_is_rejected()
    {
        var result = await CliRunner.RunAsync("flywheel", "scrub", _logDirectory);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--out", result.Error + result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_without_an_slm_says_what_to_set()
    {
        var result = await CliRunner.RunAsync("flywheel", "eval", _logDirectory);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Hetero:Slm:Endpoint", result.Error, StringComparison.Ordinal);
        Assert.Contains("--model", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_flywheel_option_fails_naming_it()
    {
        var configuration = new Dictionary<string, string?> { ["Hetero:Flywheel:Clustering:NumHashes"] = "0" };

        var result = await CliRunner.RunAsync(configuration, ["flywheel", "clusters", _logDirectory]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("NumHashes", result.Error, StringComparison.Ordinal);
    }
}
