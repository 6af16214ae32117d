using System.Net.Security;
using System.Security.Authentication;
using MassTransit.RabbitMqTransport.Configuration;

namespace HeteroAgents.Messaging.Tests;

/// <summary>Option → MassTransit host settings mapping, read back from MassTransit's own configurator.</summary>
public sealed class RabbitMqHostConfigurationTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("hetero-rabbit-tls-");

    private static RabbitMqHostConfigurator Configure(RabbitMqOptions options)
    {
        var host = new RabbitMqHostConfigurator(new Uri($"rabbitmq://{options.Host}:{options.Port}/"));
        RabbitMqHostConfiguration.Apply(host, options);
        return host;
    }

    [Fact]
    public void Without_tls_only_credentials_are_set()
    {
        var settings = Configure(new RabbitMqOptions { Host = "broker", Username = "hetero", Password = "pw-1234" }).Settings;

        Assert.Equal("hetero", settings.Username);
        Assert.Equal("pw-1234", settings.Password);
        Assert.False(settings.Ssl);
    }

    [Fact]
    public void Tls_defaults_to_the_host_as_server_name_modern_protocols_and_enforced_chain_and_name_errors()
    {
        var settings = Configure(new RabbitMqOptions { Host = "broker.internal", Port = 5671, UseTls = true, Username = "u", Password = "p-1234" }).Settings;

        Assert.True(settings.Ssl);
        Assert.Equal("broker.internal", settings.SslServerName);
        Assert.Equal(SslProtocols.Tls12 | SslProtocols.Tls13, settings.SslProtocol);
        Assert.Equal(SslPolicyErrors.None, settings.AcceptablePolicyErrors & (SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNameMismatch));
        Assert.Null(settings.CertificateValidationCallback);
        Assert.Null(settings.ClientCertificatePath);
    }

    [Fact]
    public void Tls_settings_map_server_name_protocols_ca_and_client_certificate()
    {
        using var ca = new HeteroAgents.Testing.Tls.TestCertificateAuthority();
        var caPath = ca.WriteCaPem(Path.Combine(_dir.FullName, "ca.pem"));
        var options = new RabbitMqOptions
        {
            Host = "10.0.0.7",
            Port = 5671,
            UseTls = true,
            TlsServerName = "rabbit.example",
            TlsProtocols = SslProtocols.Tls13,
            TlsCaCertificatePath = caPath,
            TlsClientCertificatePath = "/run/secrets/client.pfx",
            TlsClientCertificatePassword = "pfx-pass",
            TlsUseClientCertificateAsIdentity = true,
        };

        var settings = Configure(options).Settings;

        Assert.Equal("rabbit.example", settings.SslServerName);
        Assert.Equal(SslProtocols.Tls13, settings.SslProtocol);
        Assert.NotNull(settings.CertificateValidationCallback);
        Assert.Equal("/run/secrets/client.pfx", settings.ClientCertificatePath);
        Assert.Equal("pfx-pass", settings.ClientCertificatePassphrase);
        Assert.True(settings.UseClientCertificateAsAuthenticationIdentity);

        // The callback is the CA check: a certificate from this CA passes, one from another CA does not.
        using var good = ca.IssueServer();
        using var otherCa = new HeteroAgents.Testing.Tls.TestCertificateAuthority("Other CA");
        using var bad = otherCa.IssueServer();
        Assert.True(settings.CertificateValidationCallback!(this, good, null, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(settings.CertificateValidationCallback!(this, bad, null, SslPolicyErrors.RemoteCertificateChainErrors));
    }

    public void Dispose() => _dir.Delete(recursive: true);
}
