using HeteroAgents.Contracts;
using HeteroAgents.Orchestrator.Store;

namespace HeteroAgents.Orchestrator.Tests.Store;

/// <summary>The semantics every <see cref="IBatchStore"/> must have; run against each implementation.</summary>
public abstract class BatchStoreContractTests
{
    private static readonly DateTimeOffset Created = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    protected abstract IBatchStore Store { get; }

    protected static string NewBatchId() => "test_" + Guid.NewGuid().ToString("N");

    private static BatchOutputLine Line(string customId, BatchTaskStatus status, string servedBy = "slm:a") =>
        new(customId, "classify", status, servedBy, null, null, null, null, null,
            status == BatchTaskStatus.Failed ? new TaskError("x", "y") : null);

    [Fact]
    public async Task Created_batch_is_submitting_with_zero_counts()
    {
        var id = NewBatchId();
        await Store.CreateAsync(id, "/data/in.jsonl", Created, default);

        var info = await Store.GetAsync(id, default);

        Assert.NotNull(info);
        Assert.Equal(BatchState.Submitting, info.State);
        Assert.Equal("/data/in.jsonl", info.InputPath);
        Assert.Equal(Created, info.CreatedAt);
        Assert.Equal(new BatchCounts(0, 0, 0, 0), info.Counts);
    }

    [Fact]
    public async Task Unknown_batch_is_null()
    {
        Assert.Null(await Store.GetAsync(NewBatchId(), default));
    }

    [Fact]
    public async Task Creating_an_existing_batch_fails()
    {
        var id = NewBatchId();
        await Store.CreateAsync(id, "a", Created, default);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.CreateAsync(id, "a", Created, default));
    }

    [Fact]
    public async Task First_write_per_key_wins_and_is_counted_once()
    {
        var id = NewBatchId();
        await Store.CreateAsync(id, "in", Created, default);
        var key = TaskIds.Create(id, "t1");

        Assert.True(await Store.RecordAsync(id, key, Line("t1", BatchTaskStatus.Escalated, "slm:first"), default));
        Assert.False(await Store.RecordAsync(id, key, Line("t1", BatchTaskStatus.Completed, "slm:second"), default));
        Assert.False(await Store.RecordAsync(id, key, Line("t1", BatchTaskStatus.Escalated, "slm:third"), default));

        var lines = await ReadAllAsync(id);
        var only = Assert.Single(lines);
        Assert.Equal("slm:first", only.ServedBy);
        var counts = (await Store.GetAsync(id, default))!.Counts;
        Assert.Equal((0L, 1L, 0L), (counts.Completed, counts.Escalated, counts.Failed));
    }

    [Fact]
    public async Task Concurrent_redeliveries_of_one_outcome_produce_one_line()
    {
        var id = NewBatchId();
        await Store.CreateAsync(id, "in", Created, default);
        var key = TaskIds.Create(id, "t1");

        var wins = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Store.RecordAsync(id, key, Line("t1", BatchTaskStatus.Completed), default)));

        Assert.Equal(1, wins.Count(w => w));
        Assert.Single(await ReadAllAsync(id));
        Assert.Equal(1, (await Store.GetAsync(id, default))!.Counts.Completed);
    }

    [Fact]
    public async Task Counts_follow_statuses_and_batch_completes_when_all_lines_have_outcomes()
    {
        var id = NewBatchId();
        await Store.CreateAsync(id, "in", Created, default);
        for (var i = 1; i <= 3; i++)
        {
            Assert.True((await Store.RegisterAsync(id, TaskIds.Create(id, $"t{i}"), i, TaskType.Classify, $"t{i}", default)).IsNew);
        }

        await Store.CountRejectedAsync(id, default);
        await Store.RecordAsync(id, Guid.NewGuid(), Line("line:4", BatchTaskStatus.Failed), default);
        await Store.MarkSubmittedAsync(id, default);
        await Store.RecordAsync(id, TaskIds.Create(id, "t1"), Line("t1", BatchTaskStatus.Completed), default);
        await Store.RecordAsync(id, TaskIds.Create(id, "t2"), Line("t2", BatchTaskStatus.Escalated), default);

        var running = (await Store.GetAsync(id, default))!;
        Assert.Equal(BatchState.Running, running.State);
        Assert.Equal(new BatchCounts(4, 1, 1, 1), running.Counts);
        Assert.Equal(1, running.Counts.Pending);

        await Store.RecordAsync(id, TaskIds.Create(id, "t3"), Line("t3", BatchTaskStatus.Completed), default);
        var done = (await Store.GetAsync(id, default))!;
        Assert.Equal(BatchState.Completed, done.State);
        Assert.Equal(new BatchCounts(4, 2, 1, 1), done.Counts);
        Assert.Equal(4, (await ReadAllAsync(id)).Count);
    }

    [Fact]
    public async Task Registering_a_task_id_twice_reports_the_first_line()
    {
        var id = NewBatchId();
        await Store.CreateAsync(id, "in", Created, default);
        var taskId = TaskIds.Create(id, "dup");

        var first = await Store.RegisterAsync(id, taskId, 3, TaskType.Summarize, "dup", default);
        var second = await Store.RegisterAsync(id, taskId, 9, TaskType.Summarize, "dup", default);

        Assert.Equal(new TaskRegistration(true, 3), first);
        Assert.Equal(new TaskRegistration(false, 3), second);
        Assert.Equal(2, (await Store.GetAsync(id, default))!.Counts.Total);
    }

    [Fact]
    public async Task Outcomes_for_unknown_batches_are_ignored()
    {
        var id = NewBatchId();

        Assert.False(await Store.RecordAsync(id, Guid.NewGuid(), Line("t", BatchTaskStatus.Completed), default));
        Assert.Null(await Store.GetAsync(id, default));
    }

    [Fact]
    public async Task Cancel_fails_tasks_without_outcome_and_keeps_recorded_ones()
    {
        var id = NewBatchId();
        await Store.CreateAsync(id, "in", Created, default);
        await Store.RegisterAsync(id, TaskIds.Create(id, "a"), 1, TaskType.Classify, "a", default);
        await Store.RegisterAsync(id, TaskIds.Create(id, "b|c"), 2, TaskType.ToolCall, "b|c", default);
        await Store.RecordAsync(id, TaskIds.Create(id, "a"), Line("a", BatchTaskStatus.Completed), default);

        Assert.True(await Store.CancelAsync(id, default));
        Assert.False(await Store.RecordAsync(id, TaskIds.Create(id, "b|c"), Line("b|c", BatchTaskStatus.Completed), default));
        await Store.MarkSubmittedAsync(id, default);

        var info = (await Store.GetAsync(id, default))!;
        Assert.Equal(BatchState.Cancelled, info.State);
        Assert.Equal(new BatchCounts(2, 1, 0, 1), info.Counts);
        var cancelled = Assert.Single(await ReadAllAsync(id), l => l.Status == BatchTaskStatus.Failed);
        Assert.Equal("b|c", cancelled.CustomId);
        Assert.Equal("tool_call", cancelled.Task);
        Assert.Equal(TaskErrorCodes.Cancelled, cancelled.Error!.Code);
        Assert.Equal(2, cancelled.Error.Line);
    }

    [Fact]
    public async Task Cancel_of_unknown_batch_returns_false()
    {
        Assert.False(await Store.CancelAsync(NewBatchId(), default));
    }

    [Fact]
    public async Task Output_lines_round_trip_with_results_and_errors()
    {
        var id = NewBatchId();
        await Store.CreateAsync(id, "in", Created, default);
        using var doc = System.Text.Json.JsonDocument.Parse("""{"label":"refund"}""");
        var completed = new BatchOutputLine("t1", "classify", BatchTaskStatus.Completed, "slm:m", doc.RootElement.Clone(), 0.9, null, new TaskUsage(10, 2), 12, null);
        await Store.RecordAsync(id, TaskIds.Create(id, "t1"), completed, default);

        var read = Assert.Single(await ReadAllAsync(id));

        Assert.Equal("refund", read.Result!.Value.GetProperty("label").GetString());
        Assert.Equal(0.9, read.Confidence);
        Assert.Equal(new TaskUsage(10, 2), read.Usage);
        Assert.Equal(12, read.LatencyMs);
    }

    private async Task<List<BatchOutputLine>> ReadAllAsync(string id)
    {
        var lines = new List<BatchOutputLine>();
        await foreach (var line in Store.ReadOutputAsync(id, default))
        {
            lines.Add(line);
        }

        return lines;
    }
}
