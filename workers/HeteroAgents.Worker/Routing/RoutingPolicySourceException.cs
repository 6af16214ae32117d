namespace HeteroAgents.Worker.Routing;

/// <summary>A routing policy source that could not be read (missing file, unreachable Redis, absent key).</summary>
public sealed class RoutingPolicySourceException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RoutingPolicySourceException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public RoutingPolicySourceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public RoutingPolicySourceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
