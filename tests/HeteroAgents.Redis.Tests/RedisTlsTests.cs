using HeteroAgents.Testing.Brokers;
using HeteroAgents.Testing.Tls;

namespace HeteroAgents.Redis.Tests;

/// <summary>The batch store's Redis connection against a real redis-server speaking only TLS, with AUTH.</summary>
public sealed class RedisTlsTests
{
    private const string Password = "Tls-Redis-Test-Password-3d9";

    private static async Task<DedicatedRedisServer> StartTlsServerAsync(bool requireClientCertificates)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        return await DedicatedRedisServer.StartNewAsync(
            new DedicatedRedisServerOptions { Name = "tls", UseTls = true, RequireClientCertificates = requireClientCertificates, Password = Password },
            timeout.Token);
    }

    private static RedisOptions Options(DedicatedRedisServer server) => new()
    {
        Configuration = server.Configuration,
        Password = Password,
        UseTls = true,
        TlsCaCertificatePath = server.CaPath,
        ConnectTimeoutMs = 5_000,
    };

    private static async Task RoundTripAsync(RedisOptions options)
    {
        await using var connection = new RedisConnection(Microsoft.Extensions.Options.Options.Create(options));
        var db = await connection.GetDatabaseAsync(default);
        await db.StringSetAsync("hetero:tls-probe", "over-tls");
        Assert.Equal("over-tls", (string?)await db.StringGetAsync("hetero:tls-probe"));
    }

    private static async Task<InvalidOperationException> FailsAsync(RedisOptions options)
    {
        await using var connection = new RedisConnection(Microsoft.Extensions.Options.Options.Create(options));
        return await Assert.ThrowsAsync<InvalidOperationException>(() => connection.GetDatabaseAsync(default).AsTask());
    }

    [Fact]
    public async Task Connects_over_tls_validating_the_server_against_the_ca_file_with_auth()
    {
        await using var server = await StartTlsServerAsync(false);

        await RoundTripAsync(Options(server));
    }

    [Fact]
    public async Task Refuses_a_server_whose_certificate_is_not_from_the_configured_ca()
    {
        await using var server = await StartTlsServerAsync(false);
        using var otherCa = new TestCertificateAuthority("Some Other CA");
        var options = Options(server);
        options.TlsCaCertificatePath = otherCa.WriteCaPem(Path.Combine(server.Directory, "other-ca.crt"));

        var ex = await FailsAsync(options);

        Assert.Contains("over TLS", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_text_to_the_tls_port_and_a_wrong_password_both_fail_without_showing_the_password()
    {
        await using var server = await StartTlsServerAsync(false);
        var plain = Options(server);
        plain.UseTls = false;
        plain.TlsCaCertificatePath = null;
        plain.ConnectTimeoutMs = 1_500;
        var wrong = Options(server);
        wrong.Password = "Wrong-Password-For-Tls-Redis";

        await FailsAsync(plain);
        var ex = await FailsAsync(wrong);

        Assert.DoesNotContain("Wrong-Password-For-Tls-Redis", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mutual_tls_needs_the_client_certificate()
    {
        await using var server = await StartTlsServerAsync(true);
        var withCertificate = Options(server);
        withCertificate.TlsClientCertificatePath = server.ClientCertificatePath;
        withCertificate.TlsClientKeyPath = server.ClientKeyPath;
        var without = Options(server);
        without.ConnectTimeoutMs = 1_500;

        await RoundTripAsync(withCertificate);
        await FailsAsync(without);
    }
}
