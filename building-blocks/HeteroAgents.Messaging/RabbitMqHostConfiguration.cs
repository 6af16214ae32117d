using System.Net.Security;
using HeteroAgents.Security;
using MassTransit;

namespace HeteroAgents.Messaging;

/// <summary>Maps <see cref="RabbitMqOptions"/> onto MassTransit's RabbitMQ host configuration: credentials and TLS.</summary>
public static class RabbitMqHostConfiguration
{
    /// <summary>
    /// Sets the credentials and, with <see cref="RabbitMqOptions.UseTls"/>, TLS: server name (default the host), protocols,
    /// certificate chain errors enforced (MassTransit tolerates them by default) or validated against
    /// <see cref="RabbitMqOptions.TlsCaCertificatePath"/>, and the client certificate for mutual TLS.
    /// </summary>
    public static void Apply(IRabbitMqHostConfigurator host, RabbitMqOptions options)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(options);
        host.Username(options.Username);
        host.Password(options.Password);
        if (!options.UseTls)
        {
            return;
        }

        host.UseSsl(ssl =>
        {
            ssl.ServerName = string.IsNullOrWhiteSpace(options.TlsServerName) ? options.Host : options.TlsServerName;
            ssl.Protocol = options.TlsProtocols;
            ssl.EnforcePolicyErrors(SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNameMismatch);
            if (!string.IsNullOrWhiteSpace(options.TlsCaCertificatePath))
            {
                ssl.CertificateValidationCallback = TrustedCertificateValidation.ForCaFile(options.TlsCaCertificatePath);
            }

            if (!string.IsNullOrWhiteSpace(options.TlsClientCertificatePath))
            {
                ssl.CertificatePath = options.TlsClientCertificatePath;
                ssl.CertificatePassphrase = options.TlsClientCertificatePassword;
                ssl.UseCertificateAsAuthenticationIdentity = options.TlsUseClientCertificateAsIdentity;
            }
        });
    }
}
