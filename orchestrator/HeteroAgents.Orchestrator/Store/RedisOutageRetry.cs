using StackExchange.Redis;

namespace HeteroAgents.Orchestrator.Store;

/// <summary>
/// Rides out a Redis restart or failover: an operation that fails because the connection dropped or timed out
/// (<see cref="RedisConnectionException"/>, <see cref="RedisTimeoutException"/>) is tried again with a growing delay
/// (100 ms doubling to 2 s) until it succeeds or <see cref="Window"/> has passed since the first failure, then the last
/// error is thrown. The connection multiplexer reconnects by itself meanwhile. Only idempotent operations may be
/// passed: a command can have run on the server even though its reply was lost.
/// </summary>
internal sealed class RedisOutageRetry
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(2);
    private readonly TimeProvider _time;

    public RedisOutageRetry(TimeSpan window, TimeProvider time)
    {
        Window = window;
        _time = time;
    }

    /// <summary>How long to keep trying after the first failure.</summary>
    public TimeSpan Window { get; }

    public async Task<T> RunAsync<T>(Func<Task<T>> operation, CancellationToken cancellationToken)
    {
        long? firstFailure = null;
        var delay = FirstDelay;
        while (true)
        {
            try
            {
                return await operation();
            }
            catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException &&
                                       _time.GetElapsedTime(firstFailure ??= _time.GetTimestamp()) < Window)
            {
                await Task.Delay(delay, _time, cancellationToken);
                delay = delay * 2 < LongestDelay ? delay * 2 : LongestDelay;
            }
        }
    }

    public Task RunAsync(Func<Task> operation, CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            await operation();
            return true;
        }, cancellationToken);
}
