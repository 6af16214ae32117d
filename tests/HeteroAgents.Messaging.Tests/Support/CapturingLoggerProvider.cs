using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace HeteroAgents.Messaging.Tests.Support;

/// <summary>A log provider that keeps every entry it receives (hand-written, for asserting on what providers would write).</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLogEntry> _entries = new();

    public IReadOnlyCollection<CapturedLogEntry> Entries => _entries.ToArray();

    public string AllText => string.Join("\n---\n", _entries.Select(e => e.AllText));

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _entries);

    /// <summary>Waits (polling) until an entry matches <paramref name="predicate"/>; false when <paramref name="timeout"/> passes first.</summary>
    public async Task<bool> WaitForAsync(Func<CapturedLogEntry, bool> predicate, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (!_entries.Any(predicate))
        {
            try
            {
                await Task.Delay(100, cts.Token);
            }
            catch (OperationCanceledException)
            {
                return _entries.Any(predicate);
            }
        }

        return true;
    }

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<CapturedLogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
            entries.Enqueue(new CapturedLogEntry(category, LogLevel.None, "scope: " + state, values.ToArray(), null));
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
            entries.Enqueue(new CapturedLogEntry(category, logLevel, formatter(state, exception), values.ToArray(), exception?.ToString()));
        }
    }
}
