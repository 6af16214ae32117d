using HeteroAgents.Contracts;
using HeteroAgents.IntegrationTests.Support;
using HeteroAgents.Orchestrator.Cli;
using HeteroAgents.Testing.Brokers;
using HeteroAgents.Testing.OpenAi;
using HeteroAgents.Testing.Routing;
using Xunit.Abstractions;

namespace HeteroAgents.IntegrationTests.Routing;

/// <summary>
/// The conversion loop end to end on real RabbitMQ and Redis (issue 12, item 6): a hetero-worker process answers with a
/// simulated SLM that is unsure on workload <c>tickets</c>, a simulated frontier resolves escalations, and the worker
/// reads its routing policy from a Redis key with hot reload. batch 1 → log → <c>flywheel calibrate --to-redis</c> →
/// batch 2 (escalations down, wrong completed not up) → a worse candidate is refused → a better one is registered,
/// evaluated and promoted → batch 3 (SLM share up) → <c>models rollback</c> → batch 4 is answered as under the
/// calibrated policy again. The worker keeps running throughout and every batch gets every line back.
/// </summary>
public sealed class ConversionLoopTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Reload = TimeSpan.FromSeconds(3);
    private readonly string _directory = Directory.CreateTempSubdirectory("hetero-it-loop-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Calibrate_promote_and_rollback_change_what_the_running_fleet_completes()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        var ct = timeout.Token;
        var batches = new[] { LoopCase.Batch("A", 240, 30, 1), LoopCase.Batch("B", 160, 30, 2), LoopCase.Batch("C", 160, 30, 3), LoopCase.Batch("D", 40, 0, 4) };
        var all = batches.SelectMany(b => b).ToList();
        await using var slm = FakeOpenAiCompatibleServer.Start(new FakeOpenAiServerOptions
        {
            Completer = r => all.FirstOrDefault(c => r.UserText.Contains(c.Text, StringComparison.Ordinal))?.Answer(r.Model),
        });
        await using var frontier = FakeOpenAiCompatibleServer.Start(new FakeOpenAiServerOptions
        {
            Responder = r => all.FirstOrDefault(c => r.Messages.Any(m => m.Content.Contains(c.Text, StringComparison.Ordinal))) is { } c
                ? $$"""{"label":"{{c.Label}}"}""" : null,
        });
        await using var vhost = await RabbitMqTestVirtualHost.CreateAsync(RabbitMqTestSettings.FromEnvironment(), "hetero-test-loop");
        await using var redis = await RedisTestStore.CreateAsync();
        var key = redis.KeyPrefix + "routing-policy";
        await redis.Database.StringSetAsync(key, RoutingPolicy.BuiltIn.ToJson().Replace(RoutingPolicy.BuiltInVersion, "loop-0", StringComparison.Ordinal));

        await using var workers = new WorkerProcesses();
        workers.Start(TaskType.Classify, new Dictionary<string, string>(vhost.Settings.ToEnvironment())
        {
            ["HETERO__SLM__ENDPOINT"] = slm.BaseAddress.ToString(),
            ["HETERO__SLM__MODEL"] = "fake-slm-v1",
            ["HETERO__ROUTING__POLICYREDISKEY"] = key,
            ["HETERO__ROUTING__RELOADSECONDS"] = "1",
            ["HETERO__REDIS__CONFIGURATION"] = redis.Configuration,
            ["Logging__LogLevel__Default"] = "Warning",
        });
        var log = Path.Combine(_directory, "flywheel");
        var configuration = new Dictionary<string, string?>(vhost.Settings.ToConfiguration())
        {
            ["Hetero:Batch:Store"] = "Redis",
            ["Hetero:Redis:Configuration"] = redis.Configuration,
            ["Hetero:Redis:KeyPrefix"] = redis.KeyPrefix,
            ["Hetero:Frontier:Endpoint"] = frontier.BaseAddress + "/",
            ["Hetero:Frontier:Model"] = "fake-frontier",
            ["Hetero:Flywheel:Logging:DataDirectory"] = log,
            ["Hetero:Slm:Endpoint"] = slm.BaseAddress.ToString(),
            ["Hetero:Slm:Model"] = "fake-slm-v1",
        };
        var policy = new[] { "--to-redis", key };

        var one = await BatchAsync("1: built-in policy", batches[0]);
        Assert.Equal("loop-0", one.Policy);

        var calibrate = await HeteroAsync(["flywheel", "calibrate", log, "--min-samples", "20", "--eval-fraction", "1", .. policy]);
        Assert.Contains("written to Redis key", calibrate, StringComparison.Ordinal);
        var calibrated = RoutingPolicyReader.Read((await redis.Database.StringGetAsync(key)).ToString());
        var ticketsThreshold = calibrated.Resolve("tickets", TaskType.Classify).MinConfidence;
        Assert.InRange(ticketsThreshold, 0.35, 0.69);
        Assert.Equal(0.7, calibrated.Resolve("billing", TaskType.Classify).MinConfidence); // below the minimum sample count: kept
        Assert.Contains("fewer than the minimum 20", calibrate, StringComparison.Ordinal);

        await Task.Delay(Reload, ct);
        var two = await BatchAsync("2: calibrated", batches[1]);
        Assert.Equal(calibrated.Version, two.Policy);
        Assert.True(two.EscalationRate < one.EscalationRate - 0.15, $"escalation rate {one.EscalationRate:P1} -> {two.EscalationRate:P1}");
        Assert.True(two.WrongCompleted <= one.WrongCompleted, $"wrong completed {one.WrongCompleted} -> {two.WrongCompleted}");

        await HeteroAsync(["models", "register", "fake-slm-bad", "--workload", "tickets", "--task", "classify", .. policy]);
        await HeteroAsync(["flywheel", "eval", log, "--candidate", "--eval-fraction", "1", .. policy]);
        var refused = await HeteroAsync(["models", "promote", "--workload", "tickets", .. policy], expectedExit: 1);
        Assert.Contains("refused", refused, StringComparison.Ordinal);
        Assert.Contains("agreement", refused, StringComparison.Ordinal);
        Assert.Equal(calibrated.Version, RoutingPolicyReader.Read((await redis.Database.StringGetAsync(key)).ToString()).Version);

        await HeteroAsync(["models", "register", "fake-slm-v2", "--workload", "tickets", "--task", "classify", .. policy]);
        var eval = await HeteroAsync(["flywheel", "eval", log, "--candidate", "--eval-fraction", "1", .. policy]);
        Assert.Contains("is not worse", eval, StringComparison.Ordinal);
        await HeteroAsync(["models", "promote", "--workload", "tickets", .. policy]);
        var promoted = RoutingPolicyReader.Read((await redis.Database.StringGetAsync(key)).ToString());
        Assert.Equal("fake-slm-v2", promoted.Resolve("tickets", TaskType.Classify).Model);
        Assert.Null(promoted.Resolve("billing", TaskType.Classify).Model);

        await Task.Delay(Reload, ct);
        var three = await BatchAsync("3: candidate promoted", batches[2]);
        Assert.Equal(promoted.Version, three.Policy);
        Assert.Equal("slm:fake-slm-v2", three.ServedBy);
        Assert.True(three.SlmShare > two.SlmShare + 0.05, $"SLM share {two.SlmShare:P1} -> {three.SlmShare:P1}");
        Assert.Equal(0, three.WrongCompleted);

        var rollback = await HeteroAsync(["models", "rollback", .. policy]);
        Assert.Contains($"routing policy {calibrated.Version} is back in force", rollback, StringComparison.Ordinal);
        await Task.Delay(Reload, ct);
        var four = await BatchAsync("4: rolled back", batches[3]);
        Assert.Equal(calibrated.Version, four.Policy);
        Assert.Equal("slm:fake-slm-v1", four.ServedBy);
        workers.EnsureRunning();

        var report = await HeteroAsync(["report", .. Enumerable.Range(1, 4).Select(i => Path.Combine(_directory, $"out-{i}.jsonl")), .. policy]);
        Assert.Contains($"routing policy in force: {calibrated.Version}", report, StringComparison.Ordinal);
        var perPolicy = report.Split('\n').Where(l => l.StartsWith("classify   tickets", StringComparison.Ordinal) && l.Contains("  loop-0", StringComparison.Ordinal) || l.EndsWith("-promote", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, perPolicy.Count(l => l.StartsWith("classify   tickets", StringComparison.Ordinal))); // before (built-in) and after (promoted), per policy version

        output.WriteLine("| batch | tickets | SLM share | escalation rate | wrong completed | served by |");
        output.WriteLine("|---|---:|---:|---:|---:|---|");
        foreach (var figures in new[] { one, two, three, four })
        {
            output.WriteLine(figures.ToMarkdownRow());
        }

        async Task<string> HeteroAsync(string[] args, int expectedExit = 0)
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            var exit = await HeteroCli.RunAsync(args, new CliContext { Out = stdout, Error = stderr, Interactive = false, Configuration = configuration }, ct);
            var text = stdout + "\n" + stderr;
            output.WriteLine($"$ hetero {string.Join(' ', args)}\n{text}");
            Assert.True(exit == expectedExit, $"hetero {string.Join(' ', args)}: exit {exit}\n{text}\n{workers.Log}");
            return text;
        }

        async Task<LoopFigures> BatchAsync(string step, IReadOnlyList<LoopCase> cases)
        {
            var input = Path.Combine(_directory, $"batch-{step[0]}.jsonl");
            var outPath = Path.Combine(_directory, $"out-{step[0]}.jsonl");
            await File.WriteAllLinesAsync(input, cases.Select(c => c.BatchLine), ct);
            await HeteroAsync(["batch", "run", input, "--out", outPath, "--transport", "rabbitmq", "--no-progress"]);
            var lines = RoutingQualityScore.ReadOutput(outPath);
            Assert.Equal(cases.Count, lines.Count);
            var figures = LoopFigures.Of(step, cases, lines);
            output.WriteLine(figures.ToMarkdownRow());
            return figures;
        }
    }
}
