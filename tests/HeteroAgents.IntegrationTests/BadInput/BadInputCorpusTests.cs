using HeteroAgents.Testing.Brokers;
using HeteroAgents.Contracts;
using HeteroAgents.IntegrationTests.Support;
using HeteroAgents.Orchestrator.Cli;
using HeteroAgents.Testing.OpenAi;
using Xunit.Abstractions;

namespace HeteroAgents.IntegrationTests.BadInput;

/// <summary>
/// Acceptance: the bad-input corpus (malformed lines, wrong types, missing fields, unknown task types, huge inputs,
/// invalid schemas, bad tools, duplicate ids, injection strings, invalid UTF-8, control characters, deep nesting) runs
/// through <c>hetero batch run</c> with a valid task between every two cases — in-process, and through real RabbitMQ,
/// Redis and one <c>hetero-worker</c> process per task type. Each case gets exactly its one clear, located outcome, every
/// valid task still completes or escalates, there is exactly one output line per non-blank input line, and no rejected
/// line reaches a queue or the model.
/// </summary>
public sealed class BadInputCorpusTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hetero-badinput-").FullName;
    private readonly ITestOutputHelper _output;
    private FakeOpenAiCompatibleServer _slm = null!;

    public BadInputCorpusTests(ITestOutputHelper output) => _output = output;

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
    public async Task Every_corpus_case_gets_its_located_error_and_every_valid_line_still_completes_in_process()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var corpus = BadInputCorpus.Load();
        var batch = CorpusBatch.Write(_directory, corpus.Cases);
        var config = new Dictionary<string, string?>(corpus.Limits)
        {
            ["Hetero:Batch:Store"] = "InMemory",
            ["Hetero:Slm:Endpoint"] = _slm.BaseAddress.ToString(),
            ["Hetero:Slm:Model"] = "fake-slm",
        };

        var lines = await RunBatchAsync(batch, "inmemory", config, timeout.Token);
        var report = await ReportAsync(corpus, batch, lines);

        // Each model call belongs to one accepted line; rejected lines and oversized inputs never reach the model.
        var modelCalls = lines.Count(l => l.Status == BatchTaskStatus.Completed ||
            (l.Status == BatchTaskStatus.Escalated && l.Escalation?.Reason != EscalationReason.InputTooLarge));
        Assert.Equal(modelCalls, _slm.RequestCount);
        Assert.True(report.Failures.Count == 0, string.Join('\n', report.Failures));
        Assert.Equal(report.Tried, report.Passed);
    }

    [Fact]
    public async Task Every_corpus_case_gets_its_located_error_through_rabbitmq_redis_and_worker_processes()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var corpus = BadInputCorpus.Load();
        var batch = CorpusBatch.Write(_directory, corpus.Cases);
        await using var vhost = await RabbitMqTestVirtualHost.CreateAsync(RabbitMqTestSettings.FromEnvironment(), "hetero-test-badin");
        await using var redis = await RedisTestStore.CreateAsync();
        await using var workers = new WorkerProcesses();
        var environment = new Dictionary<string, string>(vhost.Settings.ToEnvironment())
        {
            ["HETERO__SLM__ENDPOINT"] = _slm.BaseAddress.ToString(),
            ["HETERO__SLM__MODEL"] = "fake-slm",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var type in TaskTypes.All)
        {
            workers.Start(type, environment);
        }

        var config = new Dictionary<string, string?>(vhost.Settings.ToConfiguration())
        {
            ["Hetero:Batch:Store"] = "Redis",
            ["Hetero:Redis:Configuration"] = redis.Configuration,
            ["Hetero:Redis:KeyPrefix"] = redis.KeyPrefix,
        };
        foreach (var (key, value) in corpus.Limits)
        {
            config[key] = value;
        }

        var lines = await RunBatchAsync(batch, "rabbitmq", config, timeout.Token);
        workers.EnsureRunning();
        var report = await ReportAsync(corpus, batch, lines);
        Assert.True(report.Failures.Count == 0, string.Join('\n', report.Failures) + "\n" + workers.Log);

        // Only the tasks that parsed (valid lines, accepted cases, first uses of an id) were published to the task queues.
        var accepted = batch.ValidLines.Count + corpus.Cases.Count(c => c.Expect == CorpusCase.Accepted);
        var published = await vhost.WaitForPublishedAsync(TaskTypes.All.Select(t => t.QueueName()), accepted, timeout.Token);
        Assert.Equal(accepted, published);
    }

    private async Task<IReadOnlyList<BatchOutputLine>> RunBatchAsync(CorpusBatch batch, string transport, IReadOnlyDictionary<string, string?> config, CancellationToken ct)
    {
        var results = Path.Combine(_directory, $"results-{transport}.jsonl");
        using var stderr = new StringWriter();
        var exit = await HeteroCli.RunAsync(
            ["batch", "run", batch.Path, "--out", results, "--transport", transport, "--no-progress"],
            new CliContext { Out = TextWriter.Null, Error = stderr, Interactive = false, Configuration = config }, ct);
        _output.WriteLine(stderr.ToString());
        Assert.True(exit == 0, $"exit {exit}\n{stderr}");
        return OutputFiles.Read(results);
    }

    private async Task<CorpusReport> ReportAsync(BadInputCorpus corpus, CorpusBatch batch, IReadOnlyList<BatchOutputLine> lines)
    {
        var parser = new TaskInputParser(new TaskInputParserOptions
        {
            MaxLineBytes = int.Parse(corpus.Limits["Hetero:Batch:MaxLineBytes"]!, System.Globalization.CultureInfo.InvariantCulture),
            MaxTextChars = int.Parse(corpus.Limits["Hetero:Batch:MaxTextChars"]!, System.Globalization.CultureInfo.InvariantCulture),
            MaxSummaryWords = int.Parse(corpus.Limits["Hetero:Batch:MaxSummaryWords"]!, System.Globalization.CultureInfo.InvariantCulture),
        });
        var report = await CorpusChecker.CheckAsync(batch, lines, parser);
        _output.WriteLine($"{batch.CaseAtLine.Count} corpus cases and {batch.ValidLines.Count} valid tasks in {batch.TaskLines} non-blank lines; {lines.Count} output lines");
        foreach (var (line, c) in batch.CaseAtLine.OrderBy(p => p.Key))
        {
            var got = lines.FirstOrDefault(l => l.Error?.Line == line) is { Error: { } e } ? $"{e.Code} {e.Field ?? "-"}: {e.Message}"
                : c.Expect == CorpusCase.Accepted && parser.Parse(c.Line, line, "check") is { IsSuccess: true } parsed
                    && lines.FirstOrDefault(l => l.CustomId == parsed.CustomId && l.Status != BatchTaskStatus.Failed) is { } answered
                    ? $"{answered.Status} {answered.Escalation?.Reason} {answered.Result?.GetRawText()}"
                    : "no output line";
            _output.WriteLine($"{c.Name,-60} expect {c.Expect,-20} got {(got.Length > 160 ? got[..160] : got)}");
        }

        foreach (var failure in report.Failures)
        {
            _output.WriteLine("FAIL " + failure);
        }

        _output.WriteLine(report.Summary);
        Console.WriteLine(report.Summary);
        return report;
    }
}
