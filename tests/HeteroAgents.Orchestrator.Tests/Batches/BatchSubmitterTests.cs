using HeteroAgents.Contracts;
using HeteroAgents.Orchestrator.Batches;
using HeteroAgents.Orchestrator.Options;
using HeteroAgents.Orchestrator.Store;
using HeteroAgents.Testing.Files;
using Microsoft.Extensions.Time.Testing;

namespace HeteroAgents.Orchestrator.Tests.Batches;

/// <summary><see cref="BatchSubmitter"/> on the in-memory store: what is sent, what is recorded as failed at once, and the counters.</summary>
public sealed class BatchSubmitterTests : IDisposable
{
    private const string Labels = "\"labels\":[\"refund\",\"shipping\"]";
    private readonly TempDirectory _dir = new("orchestrator-tests");
    private readonly InMemoryBatchStore _store = new();
    private readonly RecordingTaskSender _sender = new();

    private BatchSubmitter Submitter(BatchJobOptions? options = null) => new(
        _store, _sender, new TaskInputParser(new TaskInputParserOptions()), Microsoft.Extensions.Options.Options.Create(options ?? new BatchJobOptions()),
        new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 18, 0, 0, TimeSpan.Zero)));

    private async Task<(SubmitProgress Progress, List<BatchOutputLine> Output)> SubmitAsync(params string[] lines)
    {
        var input = _dir.File("in.jsonl");
        await File.WriteAllLinesAsync(input, lines);
        var progress = new SubmitProgress();
        await Submitter().SubmitAsync("batch_test", input, throttleOnOutcomes: false, progress, CancellationToken.None);
        var output = new List<BatchOutputLine>();
        await foreach (var line in _store.ReadOutputAsync("batch_test", CancellationToken.None))
        {
            output.Add(line);
        }

        return (progress, output);
    }

    private static string Classify(string customId, string text) =>
        "{\"custom_id\":\"" + customId + "\",\"task\":\"classify\",\"input\":{\"text\":\"" + text + "\"," + Labels + "}}";

    [Fact]
    public async Task Every_valid_line_is_registered_and_sent_as_its_typed_task()
    {
        var (progress, output) = await SubmitAsync(Classify("a", "where is my parcel"), "", Classify("b", "refund please"));

        Assert.Equal(["a", "b"], _sender.Sent.Select(t => t.CustomId).Order());
        var task = Assert.IsType<ClassifyTask>(_sender.Sent.First(t => t.CustomId == "a"));
        Assert.Equal(TaskIds.Create("batch_test", "a"), task.TaskId);
        Assert.Equal("where is my parcel", task.Input.Text);
        Assert.Equal((2L, 2L, 0L, true), (progress.Lines, progress.Sent, progress.Rejected, progress.IsComplete));
        Assert.Empty(output);
        var info = await _store.GetAsync("batch_test", CancellationToken.None);
        Assert.Equal(2, info!.Counts.Total);
    }

    [Fact]
    public async Task A_line_that_is_not_a_task_is_recorded_failed_naming_its_line_and_the_rest_proceeds()
    {
        var (progress, output) = await SubmitAsync(Classify("a", "hello"), "{not json", Classify("c", "bye"));

        Assert.Equal(2, _sender.Sent.Count);
        var failed = Assert.Single(output);
        Assert.Equal(BatchTaskStatus.Failed, failed.Status);
        Assert.Equal("malformed_json", failed.Error!.Code);
        Assert.Equal(2, failed.Error.Line);
        Assert.Equal(1, progress.Rejected);
    }

    [Fact]
    public async Task A_repeated_custom_id_fails_the_later_line_and_is_sent_once()
    {
        var (progress, output) = await SubmitAsync(Classify("same", "first"), Classify("same", "second"));

        var sent = Assert.Single(_sender.Sent);
        Assert.Equal("first", Assert.IsType<ClassifyTask>(sent).Input.Text);
        var failed = Assert.Single(output);
        Assert.Equal((TaskErrorCodes.DuplicateCustomId, 2L), (failed.Error!.Code, failed.Error.Line));
        Assert.Contains("already used on line 1", failed.Error.Message, StringComparison.Ordinal);
        Assert.Equal((1L, 1L), (progress.Sent, progress.Rejected));
    }

    [Fact]
    public async Task A_cancelled_batch_stops_submitting_at_the_next_check()
    {
        var input = _dir.File("many.jsonl");
        await File.WriteAllLinesAsync(input, Enumerable.Range(0, 10).Select(i => Classify($"t{i}", "text")));
        var progress = new SubmitProgress();

        // Cancel the batch as soon as its first task is sent; the submitter looks every second line.
        var submitter = new BatchSubmitter(_store, new CancellingSender(_store, "batch_cancelled", _sender), new TaskInputParser(new TaskInputParserOptions()),
            Microsoft.Extensions.Options.Options.Create(new BatchJobOptions { CancelCheckLines = 2, MaxInFlightSends = 1 }), TimeProvider.System);
        await submitter.SubmitAsync("batch_cancelled", input, throttleOnOutcomes: false, progress, CancellationToken.None);

        Assert.InRange(_sender.Sent.Count, 1, 3);
        Assert.InRange(progress.Lines, 2, 4);
    }

    public void Dispose() => _dir.Dispose();

    private sealed class CancellingSender(IBatchStore store, string batchId, ITaskSender inner) : ITaskSender
    {
        public async Task SendAsync(ITaskMessage task, CancellationToken cancellationToken)
        {
            await inner.SendAsync(task, cancellationToken);
            await store.CancelAsync(batchId, cancellationToken);
        }
    }
}
