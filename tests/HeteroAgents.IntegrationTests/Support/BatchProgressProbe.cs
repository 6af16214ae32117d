using System.Collections.Concurrent;
using System.Globalization;
using StackExchange.Redis;

namespace HeteroAgents.IntegrationTests.Support;

/// <summary>
/// Watches a batch's counters in Redis every 50 ms from its own connection (which rides out a Redis restart) and keeps
/// the time each new "done" count (completed + escalated + failed) was first seen, so a test can tell when the first task
/// completed after a fault and how far a batch had got.
/// </summary>
internal sealed class BatchProgressProbe : IAsyncDisposable
{
    private readonly ConnectionMultiplexer _redis;
    private readonly string _keyPrefix;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<(DateTime At, long Done)> _samples = new();
    private readonly Task _loop;
    private long _done;

    private BatchProgressProbe(ConnectionMultiplexer redis, string keyPrefix)
    {
        _redis = redis;
        _keyPrefix = keyPrefix;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>The last done count seen.</summary>
    public long Done => Interlocked.Read(ref _done);

    public static async Task<BatchProgressProbe> StartAsync(string configuration, string keyPrefix)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 2_000;
        return new BatchProgressProbe(await ConnectionMultiplexer.ConnectAsync(options), keyPrefix);
    }

    /// <summary>Waits until at least <paramref name="done"/> tasks are done.</summary>
    public async Task WaitForDoneAsync(long done, Task batch, CancellationToken cancellationToken)
    {
        while (Done < done)
        {
            if (batch.IsCompleted)
            {
                throw new InvalidOperationException($"the batch ended after {Done} tasks, before {done} were done");
            }

            await Task.Delay(20, cancellationToken);
        }
    }

    /// <summary>When the done count first rose above its value at <paramref name="after"/>, or null.</summary>
    public DateTime? FirstProgressAfter(DateTime after)
    {
        var samples = _samples.ToArray();
        var before = samples.Where(s => s.At <= after).Select(s => s.Done).DefaultIfEmpty(0).Max();
        return samples.Where(s => s.At > after && s.Done > before).Select(s => (DateTime?)s.At).FirstOrDefault();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        await _redis.DisposeAsync();
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        RedisKey? batchKey = null;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var db = _redis.GetDatabase();
                batchKey ??= await FindBatchKeyAsync(db);
                if (batchKey is { } key)
                {
                    var values = await db.HashGetAsync(key, ["completed", "escalated", "failed"]);
                    var done = values.Sum(v => v.HasValue ? long.Parse((string)v!, CultureInfo.InvariantCulture) : 0);
                    if (done > Interlocked.Read(ref _done))
                    {
                        Interlocked.Exchange(ref _done, done);
                        _samples.Enqueue((DateTime.UtcNow, done));
                    }
                }
            }
            catch (Exception ex) when (ex is RedisException or RedisTimeoutException or ObjectDisposedException)
            {
                // Redis is being restarted: try again on the next tick.
            }

            try
            {
                await Task.Delay(50, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<RedisKey?> FindBatchKeyAsync(IDatabase db)
    {
        var keys = (RedisResult[])(await db.ScriptEvaluateAsync("return redis.call('KEYS', ARGV[1])", values: [_keyPrefix + "batch:*"]))!;
        return keys.Select(k => (string)k!).Where(k => k.Count(c => c == ':') == _keyPrefix.Count(c => c == ':') + 1)
            .Select(k => (RedisKey?)k).FirstOrDefault();
    }
}
