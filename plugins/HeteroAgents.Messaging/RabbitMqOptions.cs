using System.ComponentModel.DataAnnotations;

namespace HeteroAgents.Messaging;

/// <summary>RabbitMQ connection and queue settings (configuration section <c>Hetero:Messaging:RabbitMq</c>, environment <c>HETERO__MESSAGING__RABBITMQ__*</c>).</summary>
public sealed class RabbitMqOptions
{
    /// <summary>Broker host name.</summary>
    [Required]
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>AMQP port (5671 for TLS).</summary>
    [Range(1, 65535)]
    public ushort Port { get; set; } = 5672;

    /// <summary>Virtual host.</summary>
    [Required]
    public string VirtualHost { get; set; } = "/";

    /// <summary>User name. Required outside the embedded default; read it from the environment, never from a committed file.</summary>
    [Required]
    public string Username { get; set; } = "guest";

    /// <summary>Password. Never logged.</summary>
    [Required]
    public string Password { get; set; } = "guest";

    /// <summary>Use TLS for the AMQP connection.</summary>
    public bool UseTls { get; set; }

    /// <summary>Declare task queues as quorum queues (replicated; recommended for clusters of 3+ nodes).</summary>
    public bool UseQuorumQueues { get; set; }

    /// <summary>Management HTTP API base address, used for queue depth (fleet status and scaling).</summary>
    public Uri ManagementUri { get; set; } = new("http://127.0.0.1:15672/");
}
