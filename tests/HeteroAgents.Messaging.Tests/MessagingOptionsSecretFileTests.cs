using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Messaging.Tests;

/// <summary>The <c>...File</c> secrets of <c>Hetero:Messaging:RabbitMq</c>, read the one way options read secret files.</summary>
public sealed class MessagingOptionsSecretFileTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("hetero-rabbit-secret-");

    private static MessagingOptions Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddHeteroMessagingOptions(configuration);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<MessagingOptions>>().Value;
    }

    [Fact]
    public void Secret_files_are_read_into_the_values()
    {
        var password = Path.Combine(_dir.FullName, "password");
        var passphrase = Path.Combine(_dir.FullName, "passphrase");
        File.WriteAllText(password, "from-file-pw\n");
        File.WriteAllText(passphrase, "from-file-pfx\n");

        var options = Resolve(new()
        {
            ["Hetero:Messaging:RabbitMq:PasswordFile"] = password,
            ["Hetero:Messaging:RabbitMq:TlsClientCertificatePasswordFile"] = passphrase,
            ["Hetero:Messaging:RabbitMq:UseTls"] = "true",
        });

        Assert.Equal("from-file-pw", options.RabbitMq.Password);
        Assert.Equal("from-file-pfx", options.RabbitMq.TlsClientCertificatePassword);
    }

    [Fact]
    public void A_missing_password_file_fails_naming_the_setting()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Resolve(new()
        {
            ["Hetero:Messaging:Transport"] = "RabbitMq",
            ["Hetero:Messaging:RabbitMq:Host"] = "127.0.0.1",
            ["Hetero:Messaging:RabbitMq:PasswordFile"] = "/nonexistent/rabbit-password",
        }));

        Assert.Contains("Hetero:Messaging:RabbitMq:PasswordFile names '/nonexistent/rabbit-password'", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Delete(recursive: true);
}
