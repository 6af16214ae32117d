using HeteroAgents.Contracts;
using HeteroAgents.Fleet.Status;
using HeteroAgents.Fleet.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace HeteroAgents.Fleet.Tests.Status;

public sealed class FleetStatusServiceTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly ScriptedQueueStatsSource _source = new();

    [Fact]
    public async Task GetAsync_returns_one_row_per_task_type_with_error_queue_sizes()
    {
        _source.Set("hetero-classify", ready: 12, unacked: 3, consumers: 2);
        _source.Set("hetero-classify_error", ready: 4);
        _source.Set("hetero-summarize", ready: 1);
        var service = new FleetStatusService(_source, _time);

        var snapshot = await service.GetAsync(CancellationToken.None);

        Assert.True(snapshot.Succeeded);
        Assert.Equal(_time.GetUtcNow(), snapshot.TakenAt);
        Assert.Equal(TaskTypes.All, snapshot.Rows.Select(r => r.TaskType).ToArray());
        var classify = snapshot.Rows[0];
        Assert.Equal((12L, 3L, 2), (classify.Queue.Ready, classify.Queue.Unacknowledged, classify.Queue.Consumers));
        Assert.Equal(4, classify.ErrorMessages);
        Assert.False(snapshot.Rows[1].Queue.Exists);            // extract never declared
        Assert.Equal(16, snapshot.TotalDepth);
        Assert.Equal(4, snapshot.TotalErrors);
    }

    [Fact]
    public async Task WatchAsync_polls_on_the_time_provider_and_survives_a_broker_outage()
    {
        _source.Set("hetero-extract", ready: 1);
        var service = new FleetStatusService(_source, _time);
        using var cts = new CancellationTokenSource();
        await using var watch = service.WatchAsync(TimeSpan.FromSeconds(2), cts.Token).GetAsyncEnumerator(cts.Token);

        Assert.True(await watch.MoveNextAsync());
        Assert.Equal(1, watch.Current.Rows[1].Queue.Ready);

        // The next snapshot waits for the interval on the fake clock.
        _source.Set("hetero-extract", ready: 9);
        _source.SetDown(true);
        var next = watch.MoveNextAsync().AsTask();
        Assert.False(next.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(await next.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(watch.Current.Succeeded);
        Assert.Contains("broker down", watch.Current.Error, StringComparison.Ordinal);
        Assert.Empty(watch.Current.Rows);

        _source.SetDown(false);
        next = watch.MoveNextAsync().AsTask();
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(await next.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(watch.Current.Succeeded);
        Assert.Equal(9, watch.Current.Rows[1].Queue.Ready);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 12, 0, 4, TimeSpan.Zero), watch.Current.TakenAt);

        // Cancelling ends the stream quietly.
        next = watch.MoveNextAsync().AsTask();
        await cts.CancelAsync();
        Assert.False(await next.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task WatchAsync_rejects_a_non_positive_interval()
    {
        var service = new FleetStatusService(_source, _time);
        await using var watch = service.WatchAsync(TimeSpan.Zero, CancellationToken.None).GetAsyncEnumerator();
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => watch.MoveNextAsync().AsTask());
    }
}
