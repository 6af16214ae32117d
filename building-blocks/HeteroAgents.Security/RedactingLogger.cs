using Microsoft.Extensions.Logging;

namespace HeteroAgents.Security;

/// <summary>Masks secrets in every entry (message, structured values, exception text) before the inner logger sees it.</summary>
internal sealed class RedactingLogger(ILogger inner, SecretRedactor redactor) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull =>
        state switch
        {
            string text => inner.BeginScope(redactor.Redact(text)),
            IEnumerable<KeyValuePair<string, object?>> => inner.BeginScope(new RedactedLogState(redactor.Redact(state.ToString() ?? string.Empty), state, redactor)),
            _ => inner.BeginScope(state),
        };

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        var message = redactor.Redact(formatter(state, exception) ?? string.Empty);
        var redactedState = new RedactedLogState(message, state, redactor);
        var redactedException = exception is null ? null : RedactedException.Redact(exception, redactor);
        inner.Log(logLevel, eventId, redactedState, redactedException, static (s, _) => s.Message);
    }
}
