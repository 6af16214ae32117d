using System.Net.Security;
using HeteroAgents.Security;
using HeteroAgents.Testing.Tls;

namespace HeteroAgents.Security.Tests;

public sealed class TrustedCertificateValidationTests : IDisposable
{
    private readonly TestCertificateAuthority _ca = new();
    private readonly TestCertificateAuthority _otherCa = new("Other CA");
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("hetero-ca-");

    [Fact]
    public void A_certificate_issued_by_the_ca_file_is_accepted_despite_an_untrusted_chain()
    {
        using var server = _ca.IssueServer();
        var callback = TrustedCertificateValidation.ForCaFile(_ca.WriteCaPem(Path.Combine(_dir.FullName, "ca.pem")));

        Assert.True(callback(this, server, null, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.True(callback(this, server, null, SslPolicyErrors.None));
    }

    [Fact]
    public void A_certificate_from_another_ca_is_refused()
    {
        using var server = _otherCa.IssueServer();
        var callback = TrustedCertificateValidation.ForCaFile(_ca.WriteCaPem(Path.Combine(_dir.FullName, "ca.pem")));

        Assert.False(callback(this, server, null, SslPolicyErrors.RemoteCertificateChainErrors));
    }

    [Fact]
    public void A_name_mismatch_is_refused_even_from_the_right_ca()
    {
        using var server = _ca.IssueServer();

        Assert.False(TrustedCertificateValidation.Validate(_ca.Certificate, server, null, SslPolicyErrors.RemoteCertificateNameMismatch));
        Assert.False(TrustedCertificateValidation.Validate(_ca.Certificate, null, null, SslPolicyErrors.RemoteCertificateNotAvailable));
    }

    [Fact]
    public void An_unreadable_ca_file_names_the_path()
    {
        var path = Path.Combine(_dir.FullName, "not-a-cert.pem");
        File.WriteAllText(path, "hello");

        var ex = Assert.Throws<InvalidOperationException>(() => TrustedCertificateValidation.ForCaFile(path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _ca.Dispose();
        _otherCa.Dispose();
        _dir.Delete(recursive: true);
    }
}
