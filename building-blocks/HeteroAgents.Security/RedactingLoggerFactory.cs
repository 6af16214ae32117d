using Microsoft.Extensions.Logging;

namespace HeteroAgents.Security;

/// <summary>An <see cref="ILoggerFactory"/> whose loggers mask secrets (see <see cref="SecretRedactor"/>) before any provider sees an entry.</summary>
public sealed class RedactingLoggerFactory : ILoggerFactory
{
    private readonly ILoggerFactory _inner;
    private readonly SecretRedactor _redactor;

    /// <summary>Wraps <paramref name="inner"/>, which this factory owns and disposes.</summary>
    public RedactingLoggerFactory(ILoggerFactory inner, SecretRedactor redactor)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _redactor = redactor ?? throw new ArgumentNullException(nameof(redactor));
    }

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(_inner.CreateLogger(categoryName), _redactor);

    /// <inheritdoc />
    public void AddProvider(ILoggerProvider provider) => _inner.AddProvider(provider);

    /// <inheritdoc />
    public void Dispose() => _inner.Dispose();
}
