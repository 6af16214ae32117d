using HeteroAgents.Orchestrator.Store;
using StackExchange.Redis;

namespace HeteroAgents.Orchestrator.Tests.Store;

/// <summary>The retry that lets the Redis store ride out a Redis restart: which errors it retries and when it gives up.</summary>
public sealed class RedisOutageRetryTests
{
    private static RedisConnectionException Dropped() => new(ConnectionFailureType.SocketFailure, CommandFlags.None, "connection reset by peer", null, CommandStatus.Sent);

    [Fact]
    public async Task Connection_errors_are_retried_until_the_operation_succeeds()
    {
        var retry = new RedisOutageRetry(TimeSpan.FromMinutes(1), TimeProvider.System);
        var calls = 0;

        var result = await retry.RunAsync(() =>
        {
            calls++;
            return calls switch
            {
                1 => throw Dropped(),
                2 => throw new RedisTimeoutException(CommandFlags.None, "timed out while the server restarted", CommandStatus.WaitingToBeSent),
                _ => Task.FromResult(42),
            };
        }, CancellationToken.None);

        Assert.Equal(42, result);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task A_server_still_loading_its_data_after_a_restart_is_retried()
    {
        var retry = new RedisOutageRetry(TimeSpan.FromMinutes(1), TimeProvider.System);
        var calls = 0;

        var result = await retry.RunAsync(() => ++calls < 3
            ? throw new RedisServerException(RedisErrorKind.UnknownError, CommandFlags.None, "LOADING Redis is loading the dataset in memory")
            : Task.FromResult("stored"), CancellationToken.None);

        Assert.Equal("stored", result);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task A_zero_window_fails_at_the_first_connection_error()
    {
        var retry = new RedisOutageRetry(TimeSpan.Zero, TimeProvider.System);
        var calls = 0;

        await Assert.ThrowsAsync<RedisConnectionException>(() => retry.RunAsync(() =>
        {
            calls++;
            throw Dropped();
        }, CancellationToken.None));

        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Other_errors_are_not_retried()
    {
        var retry = new RedisOutageRetry(TimeSpan.FromMinutes(1), TimeProvider.System);
        var calls = 0;

        var error = await Assert.ThrowsAsync<RedisServerException>(() => retry.RunAsync(() =>
        {
            calls++;
            throw new RedisServerException(RedisErrorKind.UnknownError, CommandFlags.None, "ERR wrong number of arguments");
        }, CancellationToken.None));

        Assert.Equal(1, calls);
        Assert.Contains("wrong number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_outage_longer_than_the_window_ends_with_the_last_connection_error()
    {
        var retry = new RedisOutageRetry(TimeSpan.FromMilliseconds(250), TimeProvider.System);
        var calls = 0;

        await Assert.ThrowsAsync<RedisConnectionException>(() => retry.RunAsync(() =>
        {
            calls++;
            throw Dropped();
        }, CancellationToken.None));

        Assert.InRange(calls, 2, 10);
    }

    [Fact]
    public async Task Cancellation_stops_the_wait_between_attempts()
    {
        var retry = new RedisOutageRetry(TimeSpan.FromMinutes(1), TimeProvider.System);
        using var cancel = new CancellationTokenSource();

        var run = retry.RunAsync(async () =>
        {
            await cancel.CancelAsync();
            throw Dropped();
        }, cancel.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }
}
