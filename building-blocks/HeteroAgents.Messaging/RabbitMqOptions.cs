using System.ComponentModel.DataAnnotations;
using System.Security.Authentication;

namespace HeteroAgents.Messaging;

/// <summary>
/// RabbitMQ connection and queue settings (configuration section <c>Hetero:Messaging:RabbitMq</c>, environment
/// <c>HETERO__MESSAGING__RABBITMQ__*</c>). Secrets come from the environment or from files (<see cref="PasswordFile"/>),
/// never from the command line, and are never logged. <c>guest</c>/<c>guest</c> is accepted only for a loopback host.
/// </summary>
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

    /// <summary>User name. Required outside the embedded default; <c>guest</c> only for a loopback host.</summary>
    [Required]
    public string Username { get; set; } = "guest";

    /// <summary>Password, from the environment (<c>HETERO__MESSAGING__RABBITMQ__PASSWORD</c>) or <see cref="PasswordFile"/>. Never logged; <c>guest</c> only for a loopback host.</summary>
    [Required]
    public string Password { get; set; } = "guest";

    /// <summary>A file holding the password (e.g. a Docker or Kubernetes secret mounted at <c>/run/secrets/rabbitmq-password</c>); overrides <see cref="Password"/>.</summary>
    public string? PasswordFile { get; set; }

    /// <summary>Use TLS for the AMQP connection (then usually <see cref="Port"/> 5671).</summary>
    public bool UseTls { get; set; }

    /// <summary>The name the broker's certificate must carry; default <see cref="Host"/>.</summary>
    public string? TlsServerName { get; set; }

    /// <summary>TLS versions offered; default TLS 1.2 and 1.3.</summary>
    public SslProtocols TlsProtocols { get; set; } = SslProtocols.Tls12 | SslProtocols.Tls13;

    /// <summary>A CA certificate file (PEM or DER): the broker's certificate must chain to it. Unset: the machine's trusted roots.</summary>
    public string? TlsCaCertificatePath { get; set; }

    /// <summary>A client certificate (PKCS#12/PFX) presented to the broker for mutual TLS.</summary>
    public string? TlsClientCertificatePath { get; set; }

    /// <summary>The passphrase of <see cref="TlsClientCertificatePath"/>, from the environment or <see cref="TlsClientCertificatePasswordFile"/>. Never logged.</summary>
    public string? TlsClientCertificatePassword { get; set; }

    /// <summary>A file holding <see cref="TlsClientCertificatePassword"/>; overrides it.</summary>
    public string? TlsClientCertificatePasswordFile { get; set; }

    /// <summary>Authenticate with the client certificate (RabbitMQ's EXTERNAL mechanism, <c>rabbitmq_auth_mechanism_ssl</c>) instead of the password.</summary>
    public bool TlsUseClientCertificateAsIdentity { get; set; }

    /// <summary>Declare task queues as quorum queues (replicated; recommended for clusters of 3+ nodes).</summary>
    public bool UseQuorumQueues { get; set; }

    /// <summary>Management HTTP API base address, used for queue depth (fleet status and scaling).</summary>
    public Uri ManagementUri { get; set; } = new("http://127.0.0.1:15672/");
}
