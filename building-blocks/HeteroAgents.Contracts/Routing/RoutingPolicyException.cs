namespace HeteroAgents.Contracts;

/// <summary>A routing policy document that is not valid; the message names the key (or line) at fault.</summary>
public sealed class RoutingPolicyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RoutingPolicyException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public RoutingPolicyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public RoutingPolicyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
