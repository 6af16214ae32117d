namespace HeteroAgents.Worker.Backends;

/// <summary>
/// Thrown by a backend when the prompt does not fit the model's context window. The worker escalates the task with
/// <c>input_too_large</c> (not <c>backend_error</c>). Backends wrap their own context-overflow errors in it (e.g. the
/// in-process runtime's context-window exception).
/// </summary>
public sealed class ModelInputTooLargeException : Exception
{
    /// <summary>Creates an exception with no message.</summary>
    public ModelInputTooLargeException()
    {
    }

    /// <summary>Creates an exception naming the sizes involved.</summary>
    public ModelInputTooLargeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception naming the sizes involved, with its cause.</summary>
    public ModelInputTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
