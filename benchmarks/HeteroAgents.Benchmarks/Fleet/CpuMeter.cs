using System.Diagnostics;

namespace HeteroAgents.Benchmarks.Fleet;

/// <summary>
/// CPU time spent by the benchmark process, the RabbitMQ broker (<c>beam.smp</c>) and Redis (<c>redis-server</c>) between
/// two readings. CPU time per task is far steadier than tasks per second on a shared machine (other work takes wall time
/// from the benchmark, not CPU time), so the fleet and its peers are also compared by it. The broker and Redis are found
/// by process name (prefix) on this machine; per process id, so a child that exits between readings (Redis' snapshot
/// fork) takes nothing away; a process that cannot be read counts as zero.
/// </summary>
internal sealed class CpuMeter
{
    private readonly TimeSpan _self;
    private readonly Dictionary<int, TimeSpan> _broker;
    private readonly Dictionary<int, TimeSpan> _redis;

    private CpuMeter(TimeSpan self, Dictionary<int, TimeSpan> broker, Dictionary<int, TimeSpan> redis)
    {
        _self = self;
        _broker = broker;
        _redis = redis;
    }

    /// <summary>A reading now.</summary>
    public static CpuMeter Start() => new(Process.GetCurrentProcess().TotalProcessorTime, Read("beam.smp"), Read("redis-server"));

    /// <summary>CPU milliseconds per unit of work since this reading: process, broker, Redis.</summary>
    public CpuShare PerUnit(long units)
    {
        var now = Start();
        var n = Math.Max(1, units);
        return new CpuShare(
            (now._self - _self).TotalMilliseconds / n, Since(now._broker, _broker).TotalMilliseconds / n, Since(now._redis, _redis).TotalMilliseconds / n);
    }

    private static TimeSpan Since(Dictionary<int, TimeSpan> now, Dictionary<int, TimeSpan> before) =>
        now.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Value - before.GetValueOrDefault(p.Key));

    private static Dictionary<int, TimeSpan> Read(string name)
    {
        var times = new Dictionary<int, TimeSpan>();
        // By prefix: Redis rewrites its process title ("redis-server 127.0.0.1:6379"), which .NET reports as the name.
        foreach (var process in Process.GetProcesses())
        {
            using (process)
            {
                try
                {
                    if (process.ProcessName.StartsWith(name, StringComparison.Ordinal))
                    {
                        times[process.Id] = process.TotalProcessorTime;
                    }
                }
                catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
                {
                    // Exited or not readable: not counted.
                }
            }
        }

        return times;
    }
}
