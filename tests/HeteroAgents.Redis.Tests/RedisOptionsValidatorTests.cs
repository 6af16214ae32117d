
namespace HeteroAgents.Redis.Tests;

public sealed class RedisOptionsValidatorTests
{
    private static string[] Problems(RedisOptions options) => RedisOptionsValidator.Problems(options).ToArray();

    [Theory]
    [InlineData("127.0.0.1:6379")]
    [InlineData("localhost:6379")]
    [InlineData("localhost")]
    public void Loopback_without_a_password_is_accepted(string configuration) =>
        Assert.Empty(Problems(new RedisOptions { Configuration = configuration }));

    [Fact]
    public void A_remote_endpoint_without_a_password_fails_naming_the_setting_and_the_endpoint()
    {
        var problem = Assert.Single(Problems(new RedisOptions { Configuration = "127.0.0.1:6379,redis:6379" }));

        Assert.StartsWith("Hetero:Redis:Password is required", problem, StringComparison.Ordinal);
        Assert.Contains("'redis'", problem, StringComparison.Ordinal);
        Assert.Contains("HETERO__REDIS__PASSWORDFILE", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("redis:6379,password=from-string", null, null)]
    [InlineData("redis:6379", "from-setting", null)]
    public void A_remote_endpoint_with_a_password_passes(string configuration, string? password, string? file) =>
        Assert.Empty(Problems(new RedisOptions { Configuration = configuration, Password = password, PasswordFile = file }));

    [Fact]
    public void An_unparseable_configuration_fails() =>
        Assert.Contains("not a valid StackExchange.Redis configuration string", Assert.Single(Problems(new RedisOptions { Configuration = "," })), StringComparison.Ordinal);

    [Fact]
    public void Tls_files_need_use_tls_and_must_exist()
    {
        var withoutTls = Problems(new RedisOptions { TlsCaCertificatePath = "/nonexistent/ca.crt" });
        var missing = Problems(new RedisOptions { UseTls = true, TlsCaCertificatePath = "/nonexistent/ca.crt", TlsClientKeyPath = "/nonexistent/client.key" });

        Assert.Contains("Hetero:Redis:TlsCaCertificatePath is set but Hetero:Redis:UseTls is false; set HETERO__REDIS__USETLS=true.", withoutTls);
        Assert.Contains("Hetero:Redis:TlsCaCertificatePath names '/nonexistent/ca.crt', which does not exist.", missing);
        Assert.Contains("Hetero:Redis:TlsClientKeyPath needs Hetero:Redis:TlsClientCertificatePath.", missing);
    }
}
