using System.Net;
using HeteroAgents.Security;
using StackExchange.Redis;

namespace HeteroAgents.Redis;

/// <summary>
/// Maps <see cref="RedisOptions"/> onto StackExchange.Redis <see cref="ConfigurationOptions"/>: endpoints, AUTH, TLS.
/// Shared by the orchestrator's batch store (<c>Hetero:Redis</c>) and the flywheel's Redis stream sink.
/// </summary>
public static class RedisConfigurationFactory
{
    /// <summary>
    /// Parses <see cref="RedisOptions.Configuration"/> and applies the separate settings on top: user and password,
    /// connect timeout, and with <see cref="RedisOptions.UseTls"/> TLS (<c>Ssl</c>, <c>SslHost</c> defaulting to the first
    /// endpoint's host, protocols, validation against <see cref="RedisOptions.TlsCaCertificatePath"/>, client certificate).
    /// </summary>
    public static ConfigurationOptions Create(RedisOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = ConfigurationOptions.Parse(options.Configuration);
        config.AbortOnConnectFail = true;
        config.ConnectTimeout = options.ConnectTimeoutMs;
        if (!string.IsNullOrEmpty(options.User))
        {
            config.User = options.User;
        }

        if (!string.IsNullOrEmpty(options.Password))
        {
            config.Password = options.Password;
        }

        if (options.UseTls)
        {
            config.Ssl = true;
            config.SslProtocols = options.TlsProtocols;
            config.SslHost = string.IsNullOrWhiteSpace(options.TlsHost) ? config.SslHost ?? FirstHost(config) : options.TlsHost;
            if (!string.IsNullOrWhiteSpace(options.TlsCaCertificatePath))
            {
                config.CertificateValidation += TrustedCertificateValidation.ForCaFile(options.TlsCaCertificatePath);
            }

            if (!string.IsNullOrWhiteSpace(options.TlsClientCertificatePath))
            {
                if (string.IsNullOrWhiteSpace(options.TlsClientKeyPath))
                {
                    config.SetUserPfxCertificate(options.TlsClientCertificatePath);
                }
                else
                {
                    config.SetUserPemCertificate(options.TlsClientCertificatePath, options.TlsClientKeyPath);
                }
            }
        }

        return config;
    }

    /// <summary>The endpoints' hosts (names or addresses) of <paramref name="config"/>.</summary>
    public static IEnumerable<string> Hosts(ConfigurationOptions config)
    {
        ArgumentNullException.ThrowIfNull(config);
        foreach (var endpoint in config.EndPoints)
        {
            yield return endpoint switch
            {
                DnsEndPoint dns => dns.Host,
                IPEndPoint ip => ip.Address.ToString(),
                _ => endpoint.ToString() ?? string.Empty,
            };
        }
    }

    private static string? FirstHost(ConfigurationOptions config) => Hosts(config).FirstOrDefault();
}
