using Microsoft.Extensions.Logging;

namespace HeteroAgents.Messaging.Tests.Support;

/// <summary>One log entry as a provider received it: category, level, rendered message, structured values and exception text.</summary>
public sealed record CapturedLogEntry(string Category, LogLevel Level, string Message, IReadOnlyList<KeyValuePair<string, object?>> Values, string? Exception)
{
    /// <summary>Everything a provider could write for this entry.</summary>
    public string AllText => string.Join('\n', [Category, Message, .. Values.Select(v => $"{v.Key}={v.Value}"), Exception ?? string.Empty]);
}
