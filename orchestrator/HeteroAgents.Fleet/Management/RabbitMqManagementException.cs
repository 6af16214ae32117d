namespace HeteroAgents.Fleet.Management;

/// <summary>The RabbitMQ management API could not be reached or refused the request; the message says what to check.</summary>
public sealed class RabbitMqManagementException : Exception
{
    /// <summary>Creates an exception with no message.</summary>
    public RabbitMqManagementException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public RabbitMqManagementException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the failure that caused it.</summary>
    public RabbitMqManagementException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
