namespace HeteroAgents.Inference.Models;

/// <summary>
/// A model folder cannot be used: a file is missing or malformed, the architecture is unknown, or the
/// tokenizer and the network disagree. The message names the file, field or limit at fault.
/// </summary>
public sealed class ModelLoadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelLoadException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ModelLoadException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ModelLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
