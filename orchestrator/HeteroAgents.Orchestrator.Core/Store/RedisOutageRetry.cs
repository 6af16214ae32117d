using StackExchange.Redis;

namespace HeteroAgents.Orchestrator.Store;

/// <summary>
/// Rides out a Redis restart or failover: an operation that fails because the connection dropped or timed out
/// (<see cref="RedisConnectionException"/>, <see cref="RedisTimeoutException"/>), or because the restarted server is
/// still loading its data (a <see cref="RedisServerException"/> with the <c>LOADING</c> error code), is tried again with a growing delay
/// (100 ms doubling to 2 s) until it succeeds or <see cref="Window"/> has passed since the first failure, then the last
/// error is thrown. The connection multiplexer reconnects by itself meanwhile. Only idempotent operations may be
/// passed: a command can have run on the server even though its reply was lost.
/// </summary>
public sealed class RedisOutageRetry
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(2);
    private readonly TimeProvider _time;

    /// <summary>Creates the policy: retry for <paramref name="window"/> after the first failure, waiting on <paramref name="time"/>.</summary>
    public RedisOutageRetry(TimeSpan window, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        Window = window;
        _time = time;
    }

    /// <summary>How long to keep trying after the first failure.</summary>
    public TimeSpan Window { get; }

    /// <summary>Runs <paramref name="operation"/>, trying again while Redis is unreachable, and returns its result.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        long? firstFailure = null;
        var delay = FirstDelay;
        while (true)
        {
            try
            {
                return await operation();
            }
            catch (Exception ex) when (IsOutage(ex) && _time.GetElapsedTime(firstFailure ??= _time.GetTimestamp()) < Window)
            {
                await Task.Delay(delay, _time, cancellationToken);
                delay = delay * 2 < LongestDelay ? delay * 2 : LongestDelay;
            }
        }
    }

    private static bool IsOutage(Exception ex) =>
        ex is RedisConnectionException or RedisTimeoutException
        || (ex is RedisServerException && ex.Message.StartsWith("LOADING", StringComparison.Ordinal));

    /// <summary>Runs <paramref name="operation"/>, trying again while Redis is unreachable.</summary>
    public Task RunAsync(Func<Task> operation, CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            await operation();
            return true;
        }, cancellationToken);
}
