using Microsoft.Extensions.Configuration;

namespace HeteroAgents.Messaging.Tests;

public sealed class MessagingOptionsValidatorTests
{
    private static MessagingOptions RabbitMq(string host, string user = "guest", string password = "guest") => new()
    {
        Transport = TransportKind.RabbitMq,
        RabbitMq = new RabbitMqOptions { Host = host, Username = user, Password = password },
    };

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    [InlineData("::1")]
    public void Guest_is_accepted_on_loopback(string host) =>
        Assert.True(new MessagingOptionsValidator(null).Validate(null, RabbitMq(host)).Succeeded);

    [Fact]
    public void Guest_on_a_remote_host_fails_naming_both_settings()
    {
        var result = new MessagingOptionsValidator(null).Validate(null, RabbitMq("rabbitmq"));

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith("Hetero:Messaging:RabbitMq:Username", StringComparison.Ordinal) && f.Contains("'rabbitmq'", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Hetero:Messaging:RabbitMq:Password", StringComparison.Ordinal) && f.Contains("HETERO__MESSAGING__RABBITMQ__PASSWORDFILE", StringComparison.Ordinal));
    }

    [Fact]
    public void An_empty_password_on_a_remote_host_fails()
    {
        var result = new MessagingOptionsValidator(null).Validate(null, RabbitMq("10.1.2.3", "hetero", ""));

        Assert.Single(result.Failures!);
        Assert.StartsWith("Hetero:Messaging:RabbitMq:Password", result.Failures!.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Real_credentials_on_a_remote_host_pass_and_the_password_never_shows_in_failures()
    {
        Assert.True(new MessagingOptionsValidator(null).Validate(null, RabbitMq("rabbitmq", "hetero", "Str0ng-Pass")).Succeeded);

        var options = RabbitMq("rabbitmq", "guest", "Str0ng-Pass");
        var result = new MessagingOptionsValidator(null).Validate(null, options);
        Assert.True(result.Failed);
        Assert.DoesNotContain("Str0ng-Pass", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_in_memory_transport_ignores_broker_settings() =>
        Assert.True(new MessagingOptionsValidator(null).Validate(null, new MessagingOptions { RabbitMq = new RabbitMqOptions { Host = "remote" } }).Succeeded);

    [Fact]
    public void Tls_files_need_use_tls_and_must_exist()
    {
        var options = RabbitMq("127.0.0.1");
        options.RabbitMq.TlsCaCertificatePath = "/nonexistent/ca.pem";

        var withoutTls = new MessagingOptionsValidator(null).Validate(null, options);
        options.RabbitMq.UseTls = true;
        var missing = new MessagingOptionsValidator(null).Validate(null, options);

        Assert.Contains("UseTls is false", withoutTls.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Hetero:Messaging:RabbitMq:TlsCaCertificatePath names '/nonexistent/ca.pem', which does not exist", missing.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_on_the_command_line_fails_without_showing_it()
    {
        var configuration = new ConfigurationBuilder()
            .AddCommandLine(["--Hetero:Messaging:RabbitMq:Password=cmdline-secret", "--Hetero:Redis:Configuration=r:6379,password=cmdline-redis"])
            .Build();

        var result = new MessagingOptionsValidator(configuration).Validate(null, new MessagingOptions());

        Assert.True(result.Failed);
        Assert.Contains("Hetero:Messaging:RabbitMq:Password", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Hetero:Redis:Configuration", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("command line", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("cmdline-secret", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("cmdline-redis", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_from_the_environment_or_other_sources_are_fine()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Hetero:Messaging:RabbitMq:Password"] = "x-secret" })
            .AddCommandLine(["--Hetero:Worker:Task=classify", "--Hetero:Redis:Configuration=127.0.0.1:6379"])
            .Build();

        Assert.True(new MessagingOptionsValidator(configuration).Validate(null, new MessagingOptions()).Succeeded);
    }
}
