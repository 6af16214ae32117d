namespace HeteroAgents.Security;

/// <summary>
/// Stands in for an exception whose message, inner messages or stack trace held a secret: the same text with the
/// secrets masked, so log providers that print <see cref="Exception.ToString"/> print the redacted text.
/// </summary>
public sealed class RedactedException : Exception
{
    private readonly string _text;

    /// <summary>Creates an empty redacted exception.</summary>
    public RedactedException()
        : this("(redacted)")
    {
    }

    /// <summary>Creates a redacted exception with <paramref name="message"/> as both message and text.</summary>
    public RedactedException(string message)
        : base(message)
    {
        _text = message;
        OriginalType = string.Empty;
    }

    /// <summary>Creates a redacted exception; the inner exception is not kept (it holds the secret).</summary>
    public RedactedException(string message, Exception innerException)
        : this(message)
    {
        ArgumentNullException.ThrowIfNull(innerException);
        OriginalType = innerException.GetType().FullName ?? innerException.GetType().Name;
    }

    private RedactedException(string message, string text, string originalType)
        : base(message)
    {
        _text = text;
        OriginalType = originalType;
    }

    /// <summary>The full name of the exception type that was redacted.</summary>
    public string OriginalType { get; }

    /// <summary>
    /// Returns <paramref name="exception"/> itself when its text holds no secret, else a <see cref="RedactedException"/>
    /// carrying its redacted message and redacted <see cref="Exception.ToString"/> text.
    /// </summary>
    public static Exception Redact(Exception exception, SecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(redactor);
        var text = exception.ToString();
        var redacted = redactor.Redact(text);
        if (string.Equals(text, redacted, StringComparison.Ordinal))
        {
            return exception;
        }

        var type = exception.GetType().FullName ?? exception.GetType().Name;
        return new RedactedException(redactor.Redact(exception.Message), redacted, type);
    }

    /// <inheritdoc />
    public override string ToString() => _text;
}
