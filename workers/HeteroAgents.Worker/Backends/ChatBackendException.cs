namespace HeteroAgents.Worker.Backends;

/// <summary>
/// A model backend call failed. <see cref="IsTransient"/> tells whether trying again may help (connection refused,
/// timeout, HTTP 429 or 5xx): transient failures are retried by the task endpoint's retry policy and escalate with
/// <c>backend_error</c> once the retries are spent; permanent ones escalate at once.
/// </summary>
public sealed class ChatBackendException : Exception
{
    /// <summary>Creates an exception with no message (serialization and tooling only).</summary>
    public ChatBackendException()
    {
    }

    /// <summary>Creates a permanent failure with a message.</summary>
    public ChatBackendException(string message)
        : base(message)
    {
    }

    /// <summary>Creates a permanent failure with a message and its cause.</summary>
    public ChatBackendException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates a failure.</summary>
    /// <param name="message">What failed, naming the backend and what to check.</param>
    /// <param name="isTransient">Whether a retry may succeed.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ChatBackendException(string message, bool isTransient, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTransient = isTransient;
    }

    /// <summary>Whether trying again may succeed.</summary>
    public bool IsTransient { get; }
}
