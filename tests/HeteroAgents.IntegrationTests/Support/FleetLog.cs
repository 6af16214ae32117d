using System.Collections.Concurrent;
using HeteroAgents.Fleet.Supervision;
using Microsoft.Extensions.Logging;

namespace HeteroAgents.IntegrationTests.Support;

/// <summary>
/// The log of a <see cref="WorkerSupervisor"/> and its <see cref="ProcessWorkerLauncher"/>: keeps the last 300 lines for
/// failure messages and, from the structured entries, which worker process is ready — the supervisor logs
/// "Started worker {Worker} (pid {Pid})" and the launcher forwards the worker's own "Application started" line (written
/// once its bus is connected and consuming) as "[{Worker}] {Line}".
/// </summary>
internal sealed class FleetLog : ILogger<WorkerSupervisor>, ILogger<ProcessWorkerLauncher>
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentDictionary<string, int> _pidByWorker = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, DateTime> _readySince = new();

    public string Tail => string.Join('\n', _lines);

    /// <summary>When process <paramref name="pid"/> reported that it is consuming, or null if it has not (yet).</summary>
    public DateTime? ReadySince(int pid) => _readySince.TryGetValue(pid, out var at) ? at : null;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (state is IReadOnlyList<KeyValuePair<string, object?>> fields)
        {
            var worker = fields.FirstOrDefault(f => f.Key == "Worker").Value as string;
            if (worker is not null && fields.FirstOrDefault(f => f.Key == "Pid").Value is int pid)
            {
                _pidByWorker[worker] = pid;
            }
            else if (worker is not null && fields.FirstOrDefault(f => f.Key == "Line").Value is string line &&
                     line.Contains("Application started", StringComparison.Ordinal) && _pidByWorker.TryGetValue(worker, out var started))
            {
                _readySince.TryAdd(started, DateTime.UtcNow);
            }
        }

        _lines.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel}: {formatter(state, exception)}");
        while (_lines.Count > 300 && _lines.TryDequeue(out _))
        {
        }
    }
}
