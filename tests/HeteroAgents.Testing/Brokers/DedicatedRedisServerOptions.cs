namespace HeteroAgents.Testing.Brokers;

/// <summary>What differs between the private redis-servers tests start (see <see cref="DedicatedRedisServer"/>).</summary>
public sealed record DedicatedRedisServerOptions
{
    /// <summary>A short word for the temporary folder's name.</summary>
    public string Name { get; init; } = "test";

    /// <summary>The port (the TLS port with <see cref="UseTls"/>); null picks a free one.</summary>
    public int? Port { get; init; }

    /// <summary>
    /// Append-only file with <c>fsync</c> every second in the server's folder, as <c>.ci/start-services.sh</c> configures
    /// the shared Redis, so the data survives a stop and start; without it nothing is persisted.
    /// </summary>
    public bool AppendOnly { get; init; }

    /// <summary>Only a TLS port (plain port 0), with server and client certificates from a throw-away CA.</summary>
    public bool UseTls { get; init; }

    /// <summary>With <see cref="UseTls"/>: whether clients must present a certificate from that CA.</summary>
    public bool RequireClientCertificates { get; init; }

    /// <summary>The AUTH password (<c>requirepass</c>); null for none.</summary>
    public string? Password { get; init; }

    /// <summary>How long a start may take before it fails with the server's output.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Fails naming the field at fault.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name) || !Name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw new ArgumentException($"{nameof(DedicatedRedisServerOptions)}.{nameof(Name)} must be ASCII letters, digits and '-' (got '{Name}').", nameof(Name));
        }

        if (Port is < 1 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(Port), Port, $"{nameof(DedicatedRedisServerOptions)}.{nameof(Port)} must be 1-65535.");
        }

        if (RequireClientCertificates && !UseTls)
        {
            throw new ArgumentException($"{nameof(DedicatedRedisServerOptions)}.{nameof(RequireClientCertificates)} needs {nameof(UseTls)}.", nameof(RequireClientCertificates));
        }

        if (Password is { Length: 0 })
        {
            throw new ArgumentException($"{nameof(DedicatedRedisServerOptions)}.{nameof(Password)} must be null or non-empty.", nameof(Password));
        }

        if (StartTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(StartTimeout), StartTimeout, $"{nameof(DedicatedRedisServerOptions)}.{nameof(StartTimeout)} must be positive.");
        }
    }
}
