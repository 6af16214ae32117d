using System.ComponentModel.DataAnnotations;
using System.Security.Authentication;

namespace HeteroAgents.Flywheel;

/// <summary>
/// How to reach a Redis server: endpoints, AUTH and TLS. Bound from <c>Hetero:Redis</c> (environment
/// <c>HETERO__REDIS__*</c>) by the orchestrator's batch store (as its derived <c>RedisOptions</c>) and by the flywheel's
/// Redis stream sink, so both honour the same password, password file and TLS settings. The password comes from the
/// environment or a file (<see cref="PasswordFile"/>), never from the command line, and is never logged. A Redis without
/// AUTH is accepted only on a loopback address (<see cref="RedisConnectionValidation"/>).
/// </summary>
public class RedisConnectionOptions
{
    /// <summary>A StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379</c> or <c>redis1:6379,abortConnect=false</c>. Prefer <see cref="Password"/> over a <c>password=</c> inside it.</summary>
    [Required]
    public string Configuration { get; set; } = "127.0.0.1:6379";

    /// <summary>The ACL user (Redis 6+); unset means the <c>default</c> user.</summary>
    public string? User { get; set; }

    /// <summary>The AUTH password, from the environment (<c>HETERO__REDIS__PASSWORD</c>) or <see cref="PasswordFile"/>. Required for any non-loopback endpoint. Never logged.</summary>
    public string? Password { get; set; }

    /// <summary>A file holding the password (e.g. a mounted Docker or Kubernetes secret); overrides <see cref="Password"/>.</summary>
    public string? PasswordFile { get; set; }

    /// <summary>Connect over TLS (Redis <c>tls-port</c>).</summary>
    public bool UseTls { get; set; }

    /// <summary>The name the server's certificate must carry; default the first endpoint's host.</summary>
    public string? TlsHost { get; set; }

    /// <summary>TLS versions offered; default TLS 1.2 and 1.3.</summary>
    public SslProtocols TlsProtocols { get; set; } = SslProtocols.Tls12 | SslProtocols.Tls13;

    /// <summary>A CA certificate file (PEM or DER): the server's certificate must chain to it. Unset: the machine's trusted roots.</summary>
    public string? TlsCaCertificatePath { get; set; }

    /// <summary>A client certificate for mutual TLS (<c>tls-auth-clients yes</c>): a PEM certificate with <see cref="TlsClientKeyPath"/>, or a PKCS#12/PFX file without a password.</summary>
    public string? TlsClientCertificatePath { get; set; }

    /// <summary>The PEM private key of <see cref="TlsClientCertificatePath"/>.</summary>
    public string? TlsClientKeyPath { get; set; }

    /// <summary>Connect timeout in milliseconds.</summary>
    [Range(100, 120_000)]
    public int ConnectTimeoutMs { get; set; } = 5_000;

    /// <summary>A copy of the connection settings (not those of a derived type) with <see cref="Configuration"/> replaced by <paramref name="configuration"/>.</summary>
    public RedisConnectionOptions WithConfiguration(string configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new RedisConnectionOptions
        {
            Configuration = configuration,
            User = User,
            Password = Password,
            PasswordFile = PasswordFile,
            UseTls = UseTls,
            TlsHost = TlsHost,
            TlsProtocols = TlsProtocols,
            TlsCaCertificatePath = TlsCaCertificatePath,
            TlsClientCertificatePath = TlsClientCertificatePath,
            TlsClientKeyPath = TlsClientKeyPath,
            ConnectTimeoutMs = ConnectTimeoutMs,
        };
    }
}
