namespace HeteroAgents.Inference.Hub;

/// <summary>A pull failed: unknown repository or revision, a file failing verification, or an unsafe file name.</summary>
public sealed class HubDownloadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public HubDownloadException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public HubDownloadException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public HubDownloadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
