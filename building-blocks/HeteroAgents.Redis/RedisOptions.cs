using System.ComponentModel.DataAnnotations;
using System.Security.Authentication;

namespace HeteroAgents.Redis;

/// <summary>
/// The Redis of a process (configuration section <c>Hetero:Redis</c>, environment <c>HETERO__REDIS__*</c>): endpoints, AUTH
/// and TLS, bound once and used by everything that talks to Redis over the one connection <see cref="RedisServiceCollectionExtensions.AddHeteroRedis"/>
/// registers — the orchestrator's batch store (which also reads <see cref="KeyPrefix"/>, <see cref="BatchTtl"/> and
/// <see cref="OutageRetryWindow"/>) and the flywheel's Redis stream sink. The password comes from the environment or a file
/// (<see cref="PasswordFile"/>), never from the command line, and is never logged. A Redis without AUTH is accepted only on
/// a loopback address (<see cref="RedisConnectionValidation"/>).
/// </summary>
public sealed class RedisOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Hetero:Redis";

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

    /// <summary>Batch store: prefix of every key it writes (lets several deployments or test runs share one Redis).</summary>
    [Required]
    public string KeyPrefix { get; set; } = "hetero:";

    /// <summary>Batch store: how long a batch's keys live after its last line was read.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00")]
    public TimeSpan BatchTtl { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Batch store: how long a store operation keeps retrying while Redis is unreachable (a restart or failover) before the
    /// command fails. Outcomes wait in their queue meanwhile; zero fails at the first connection error.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan OutageRetryWindow { get; set; } = TimeSpan.FromSeconds(30);
}
