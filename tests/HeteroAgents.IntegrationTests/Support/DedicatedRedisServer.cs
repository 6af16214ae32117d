using System.Diagnostics;
using System.Globalization;
using StackExchange.Redis;

namespace HeteroAgents.IntegrationTests.Support;

/// <summary>
/// A redis-server of its own for fault tests (own port and data folder, append-only file with <c>fsync</c> every second,
/// like <c>.ci/start-services.sh</c> configures the shared one), which a test may stop and start again on the same
/// folder without touching the shared Redis on 6379. Removed with its folder on dispose.
/// </summary>
internal sealed class DedicatedRedisServer : IAsyncDisposable
{
    private readonly string _server;
    private readonly ProcessOutput _output = new();
    private Process? _process;

    private DedicatedRedisServer(string server, string directory)
    {
        _server = server;
        Directory = directory;
        Port = LocalPorts.Free();
    }

    public string Directory { get; }

    public int Port { get; }

    /// <summary>The StackExchange.Redis configuration string for this server.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    /// <summary>Starts a new server in a new folder; fails saying how to install Redis when redis-server is missing.</summary>
    public static async Task<DedicatedRedisServer> StartNewAsync(CancellationToken cancellationToken)
    {
        var server = new DedicatedRedisServer(ServiceBinaries.Require("redis-server"), System.IO.Directory.CreateTempSubdirectory("hetero-fault-redis-").FullName);
        try
        {
            await server.StartAsync(cancellationToken);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Whether the server process is running.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts the server (again) on the same folder, reloading the append-only file, and waits until it answers PING (nothing when it runs already).</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (IsRunning)
        {
            return;
        }

        var info = new ProcessStartInfo(_server,
        [
            "--bind", "127.0.0.1", "--port", Port.ToString(CultureInfo.InvariantCulture), "--dir", Directory,
            "--appendonly", "yes", "--appendfsync", "everysec", "--save", string.Empty, "--daemonize", "no", "--protected-mode", "yes",
        ])
        { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        _process?.Dispose();
        _process = _output.Attach(Process.Start(info) ?? throw new InvalidOperationException($"could not start {_server}"));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await AnswersAsync())
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"redis-server on port {Port} did not start. Output:\n{_output.Tail}");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>Stops the server with SIGTERM (Redis flushes and fsyncs its append-only file first) and waits for it to exit.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
        {
            await kill!.WaitForExitAsync(cancellationToken);
        }

        await _process.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
    }

    /// <summary>
    /// The batch under <paramref name="keyPrefix"/> as this server holds it: its state field, the sum of its done
    /// counters and the number of recorded output lines (null when there is no batch).
    /// </summary>
    public async Task<(string State, long Done, long OutputLines)?> ReadBatchAsync(string keyPrefix)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(Configuration);
        var db = redis.GetDatabase();
        var keys = (RedisResult[])(await db.ScriptEvaluateAsync("return redis.call('KEYS', ARGV[1])", values: [keyPrefix + "batch:*"]))!;
        var batchKey = keys.Select(k => (string)k!).FirstOrDefault(k => !k[(keyPrefix.Length + "batch:".Length)..].Contains(':', StringComparison.Ordinal));
        if (batchKey is null)
        {
            return null;
        }

        // One script, so the counters and the output hash are read at the same instant.
        var values = (RedisResult[])(await db.ScriptEvaluateAsync(
            "local v = redis.call('HMGET', KEYS[1], 'state', 'completed', 'escalated', 'failed') v[5] = redis.call('HLEN', KEYS[2]) return v",
            [batchKey, batchKey + ":out"]))!;
        var done = values.Skip(1).Take(3).Sum(v => v.IsNull ? 0 : long.Parse((string)v!, CultureInfo.InvariantCulture));
        return ((string?)values[0] ?? string.Empty, done, (long)values[4]);
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { } process)
        {
            try
            {
                process.Kill();
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
            {
                // Already gone.
            }

            process.Dispose();
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private async Task<bool> AnswersAsync()
    {
        try
        {
            var options = ConfigurationOptions.Parse(Configuration);
            options.ConnectTimeout = 1_000;
            options.AbortOnConnectFail = true;
            await using var redis = await ConnectionMultiplexer.ConnectAsync(options);
            await redis.GetDatabase().PingAsync();
            return true;
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            return false;
        }
    }
}
