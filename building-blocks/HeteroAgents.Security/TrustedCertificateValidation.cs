using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace HeteroAgents.Security;

/// <summary>
/// TLS server-certificate validation against a private certificate authority (a CA file in PEM or DER), for
/// brokers and stores whose certificates are not issued by a CA the machine trusts. Used for RabbitMQ
/// (<c>TlsCaCertificatePath</c>) and Redis alike.
/// </summary>
public static class TrustedCertificateValidation
{
    /// <summary>
    /// A callback that accepts a server certificate only when its host name matched and its chain ends at the CA in
    /// <paramref name="caCertificatePath"/> (revocation is not checked: private CAs rarely publish lists).
    /// </summary>
    /// <exception cref="InvalidOperationException">The CA file cannot be read as a certificate; the message names the path.</exception>
    public static RemoteCertificateValidationCallback ForCaFile(string caCertificatePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(caCertificatePath);
        X509Certificate2 ca;
        try
        {
            ca = X509CertificateLoader.LoadCertificateFromFile(caCertificatePath);
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"The CA certificate file '{caCertificatePath}' cannot be read as an X.509 certificate (PEM or DER): {ex.Message}", ex);
        }

        return (_, certificate, chain, errors) => Validate(ca, certificate, chain, errors);
    }

    /// <summary>The check behind <see cref="ForCaFile"/>: name must match, chain must build to <paramref name="ca"/>.</summary>
    public static bool Validate(X509Certificate2 ca, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        ArgumentNullException.ThrowIfNull(ca);
        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false; // no certificate, or a host-name mismatch: never acceptable
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.Add(ca);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null)
        {
            foreach (var element in chain.ChainElements)
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        if (!custom.Build(leaf))
        {
            return false;
        }

        var root = custom.ChainElements[^1].Certificate;
        return root.RawDataMemory.Span.SequenceEqual(ca.RawDataMemory.Span);
    }
}
