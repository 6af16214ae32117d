using HeteroAgents.Testing.Brokers;
using System.Text.Json;
using HeteroAgents.Contracts;
using HeteroAgents.IntegrationTests.Support;
using HeteroAgents.Orchestrator.Cli;

namespace HeteroAgents.IntegrationTests.Batches;

/// <summary>
/// `batch submit`, `status`, `cancel` and `results` as separate CLI invocations (each a fresh host and Redis
/// connection, like separate orchestrator processes) against real RabbitMQ and Redis, with no workers running.
/// </summary>
public sealed class BatchLifecycleTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hetero-it-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Submitted_batch_waits_in_its_queues_and_can_be_inspected_cancelled_and_collected()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var vhost = await RabbitMqTestVirtualHost.CreateAsync(RabbitMqTestSettings.FromEnvironment(), "hetero-test-life");
        await using var redis = await RedisTestStore.CreateAsync();
        var config = new Dictionary<string, string?>(vhost.Settings.ToConfiguration())
        {
            ["Hetero:Redis:Configuration"] = redis.Configuration,
            ["Hetero:Redis:KeyPrefix"] = redis.KeyPrefix,
        };
        var input = await SupportTicketBatch.WriteAsync(_directory, 20);
        await File.AppendAllTextAsync(input, "{broken\n", timeout.Token);

        var (exit, stdout, stderr) = await RunAsync(["batch", "submit", input], config, timeout.Token);
        Assert.True(exit == 0, stderr);
        var batchId = stdout.Trim();
        Assert.StartsWith("batch_", batchId, StringComparison.Ordinal);
        Assert.Equal(5, await vhost.WaitForQueueDepthAsync("hetero-classify", 5, TimeSpan.FromSeconds(20), timeout.Token));

        var status = await StatusAsync(batchId, config, timeout.Token);
        Assert.Equal("running", status.GetProperty("state").GetString());
        Assert.Equal(21, status.GetProperty("counts").GetProperty("total").GetInt64());
        Assert.Equal(1, status.GetProperty("counts").GetProperty("failed").GetInt64());

        (exit, stdout, stderr) = await RunAsync(["batch", "cancel", batchId], config, timeout.Token);
        Assert.True(exit == 0, stderr);
        Assert.Contains("21 failed", stdout, StringComparison.Ordinal);
        Assert.Equal("cancelled", (await StatusAsync(batchId, config, timeout.Token)).GetProperty("state").GetString());

        var results = Path.Combine(_directory, "results.jsonl");
        (exit, _, stderr) = await RunAsync(["batch", "results", batchId, "--out", results], config, timeout.Token);
        Assert.True(exit == 0, stderr);
        var lines = OutputFiles.Read(results);
        Assert.Equal(21, lines.Count);
        Assert.Equal(20, lines.Count(l => l.Error?.Code == TaskErrorCodes.Cancelled));
        Assert.Equal("line:21", Assert.Single(lines, l => l.Error?.Code == TaskErrorCodes.MalformedJson).CustomId);
    }

    [Fact]
    public async Task Status_of_an_unknown_batch_exits_3_with_a_message()
    {
        await using var redis = await RedisTestStore.CreateAsync();
        var config = new Dictionary<string, string?>
        {
            ["Hetero:Redis:Configuration"] = redis.Configuration,
            ["Hetero:Redis:KeyPrefix"] = redis.KeyPrefix,
        };

        var (exit, _, stderr) = await RunAsync(["batch", "status", "batch_nope"], config, default);

        Assert.Equal(3, exit);
        Assert.Contains("no batch 'batch_nope'", stderr, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> StatusAsync(string batchId, IReadOnlyDictionary<string, string?> config, CancellationToken ct)
    {
        var (exit, stdout, stderr) = await RunAsync(["batch", "status", batchId, "--json"], config, ct);
        Assert.True(exit == 0, stderr);
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string[] args, IReadOnlyDictionary<string, string?> config, CancellationToken ct)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await HeteroCli.RunAsync(args, new CliContext { Out = stdout, Error = stderr, Interactive = false, Configuration = config }, ct);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
