using HeteroAgents.Testing.Brokers;
using HeteroAgents.Contracts;
using HeteroAgents.IntegrationTests.Support;
using HeteroAgents.Orchestrator.Cli;
using HeteroAgents.Testing.OpenAi;
using Xunit.Abstractions;

namespace HeteroAgents.IntegrationTests.Batches;

/// <summary>
/// Acceptance: a 1,000-task mixed batch through real RabbitMQ with one hetero-worker OS process per task type and
/// job state in real Redis; then the same batch in-process (in-memory transport) gives the same per-task outcomes.
/// </summary>
public sealed class FleetBatchTests : IAsyncLifetime
{
    private const int TaskCount = 1_000;
    private readonly string _directory = Directory.CreateTempSubdirectory("hetero-it-").FullName;
    private readonly ITestOutputHelper _output;
    private FakeOpenAiCompatibleServer _slm = null!;

    public FleetBatchTests(ITestOutputHelper output) => _output = output;

    public Task InitializeAsync()
    {
        _slm = FakeOpenAiCompatibleServer.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _slm.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Thousand_task_batch_through_rabbitmq_worker_processes_matches_the_in_memory_run()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await using var vhost = await RabbitMqTestVirtualHost.CreateAsync(RabbitMqTestSettings.FromEnvironment(), "hetero-test-fleet");
        await using var redis = await RedisTestStore.CreateAsync();
        await using var workers = new WorkerProcesses();
        var workerEnvironment = new Dictionary<string, string>(vhost.Settings.ToEnvironment())
        {
            ["HETERO__SLM__ENDPOINT"] = _slm.BaseAddress.ToString(),
            ["HETERO__SLM__MODEL"] = "fake-slm",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var type in TaskTypes.All)
        {
            workers.Start(type, workerEnvironment);
        }

        var input = await SupportTicketBatch.WriteAsync(_directory, TaskCount);
        var rabbitOut = Path.Combine(_directory, "rabbitmq.jsonl");
        var rabbitConfig = new Dictionary<string, string?>(vhost.Settings.ToConfiguration())
        {
            ["Hetero:Batch:Store"] = "Redis",
            ["Hetero:Redis:Configuration"] = redis.Configuration,
            ["Hetero:Redis:KeyPrefix"] = redis.KeyPrefix,
            ["Hetero:Flywheel:Logging:DataDirectory"] = Path.Combine(_directory, "flywheel-rabbitmq"),
        };
        using var rabbitErr = new StringWriter();
        var rabbitExit = await HeteroCli.RunAsync(
            ["batch", "run", input, "--out", rabbitOut, "--transport", "rabbitmq", "--no-progress"],
            new CliContext { Out = TextWriter.Null, Error = rabbitErr, Interactive = false, Configuration = rabbitConfig }, timeout.Token);
        workers.EnsureRunning();
        _output.WriteLine(rabbitErr.ToString());
        Assert.True(rabbitExit == 0, $"exit {rabbitExit}\n{rabbitErr}\n{workers.Log}");

        var tasks = OutputFiles.Tasks(input);
        var rabbitLines = OutputFiles.Read(rabbitOut);
        Assert.Equal(TaskCount, rabbitLines.Count);
        Assert.Equal(tasks.Keys.Order(StringComparer.Ordinal), rabbitLines.Select(l => l.CustomId).Order(StringComparer.Ordinal));
        var completed = rabbitLines.Where(l => l.Status == BatchTaskStatus.Completed).ToList();
        Assert.True(completed.Count >= TaskCount / 2, $"only {completed.Count} completed");
        foreach (var line in completed)
        {
            var errors = await OutputFiles.SchemaErrorsAsync(tasks[line.CustomId], line.Result!.Value);
            Assert.True(errors.Count == 0, $"{line.CustomId}: {string.Join("; ", errors)}");
            Assert.Equal(tasks[line.CustomId].Type.ToWireName(), line.Task);
        }

        Assert.All(rabbitLines.Where(l => l.Status == BatchTaskStatus.Escalated), l => Assert.NotNull(l.Escalation));
        await AssertOneLogRecordPerEscalationAsync(Path.Combine(_directory, "flywheel-rabbitmq"), rabbitLines);

        var memoryOut = Path.Combine(_directory, "inmemory.jsonl");
        using var memoryErr = new StringWriter();
        var memoryExit = await HeteroCli.RunAsync(
            ["batch", "run", input, "--out", memoryOut, "--transport", "inmemory", "--no-progress"],
            new CliContext
            {
                Out = TextWriter.Null, Error = memoryErr, Interactive = false,
                Configuration = new Dictionary<string, string?>
                {
                    ["Hetero:Batch:Store"] = "InMemory",
                    ["Hetero:Slm:Endpoint"] = _slm.BaseAddress.ToString(),
                    ["Hetero:Slm:Model"] = "fake-slm",
                    ["Hetero:Flywheel:Logging:DataDirectory"] = Path.Combine(_directory, "flywheel-inmemory"),
                },
            }, timeout.Token);
        _output.WriteLine(memoryErr.ToString());
        Assert.True(memoryExit == 0, memoryErr.ToString());

        var byIdRabbit = rabbitLines.ToDictionary(l => l.CustomId, l => (l.Status, l.Escalation?.Reason, Result: l.Result?.GetRawText()));
        var byIdMemory = OutputFiles.Read(memoryOut).ToDictionary(l => l.CustomId, l => (l.Status, l.Escalation?.Reason, Result: l.Result?.GetRawText()));
        Assert.Equal(TaskCount, byIdMemory.Count);
        var differences = byIdRabbit.Where(p => !byIdMemory[p.Key].Equals(p.Value)).Select(p => $"{p.Key}: {p.Value} vs {byIdMemory[p.Key]}").ToList();
        Assert.True(differences.Count == 0, string.Join('\n', differences.Take(20)));
        await AssertOneLogRecordPerEscalationAsync(Path.Combine(_directory, "flywheel-inmemory"), OutputFiles.Read(memoryOut));
    }

    /// <summary>S1: the flywheel log holds exactly one escalation record per escalated line (no frontier is configured).</summary>
    private static async Task AssertOneLogRecordPerEscalationAsync(string logDirectory, IReadOnlyList<BatchOutputLine> lines)
    {
        var escalated = lines.Where(l => l.Status == BatchTaskStatus.Escalated).ToList();
        Assert.NotEmpty(escalated);
        var records = await HeteroAgents.Flywheel.FrontierCallLogReader.ReadListAsync(logDirectory);
        Assert.All(records, r => Assert.True(r.IsEscalation(), r.ToJsonLine()));
        var batchId = Assert.Single(records.Select(r => r.BatchId).Distinct());
        Assert.Equal(
            escalated.Select(l => TaskIds.Create(batchId!, l.CustomId).ToString("D")).Order(StringComparer.Ordinal),
            records.Select(r => r.TaskId!).Order(StringComparer.Ordinal));
    }
}
