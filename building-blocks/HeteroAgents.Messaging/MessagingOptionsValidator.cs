using HeteroAgents.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Messaging;

/// <summary>
/// Start-up checks of <see cref="MessagingOptions"/> beyond data annotations: no secret on the command line; on the
/// RabbitMQ transport, real credentials for any host that is not loopback (<c>guest</c>/<c>guest</c> and empty
/// values are accepted only for 127.0.0.1/localhost/::1, which is also all RabbitMQ lets <c>guest</c> do); existing
/// certificate files; TLS files only together with <see cref="RabbitMqOptions.UseTls"/>. Secret files are checked where
/// they are read (<see cref="SecretFileOptionsBuilderExtensions.ReadSecretFile{TOptions}"/>).
/// </summary>
public sealed class MessagingOptionsValidator : IValidateOptions<MessagingOptions>
{
    private const string Prefix = MessagingOptions.SectionName + ":RabbitMq:";
    private readonly IConfiguration? _configuration;

    /// <summary>Creates the validator; <paramref name="configuration"/> is searched for secrets given on the command line.</summary>
    public MessagingOptionsValidator(IConfiguration? configuration) => _configuration = configuration;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, MessagingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var onCommandLine = CommandLineSecretGuard.FindSecretsOnCommandLine(_configuration);
        if (onCommandLine.Count > 0)
        {
            failures.Add(CommandLineSecretGuard.Describe(onCommandLine));
        }

        if (options.Transport == TransportKind.RabbitMq)
        {
            failures.AddRange(ValidateRabbitMq(options.RabbitMq ?? new RabbitMqOptions()));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The problems of <paramref name="rabbit"/> as used by the RabbitMQ transport.</summary>
    public static IEnumerable<string> ValidateRabbitMq(RabbitMqOptions rabbit)
    {
        ArgumentNullException.ThrowIfNull(rabbit);
        if (string.IsNullOrWhiteSpace(rabbit.Host))
        {
            yield return Prefix + "Host is empty; set HETERO__MESSAGING__RABBITMQ__HOST.";
            yield break;
        }

        if (!LoopbackHost.IsLoopback(rabbit.Host) && !rabbit.TlsUseClientCertificateAsIdentity)
        {
            if (string.IsNullOrWhiteSpace(rabbit.Username) || IsGuest(rabbit.Username))
            {
                yield return $"{Prefix}Username must name a real account: host '{rabbit.Host}' is not a loopback address, and the default guest account " +
                             "is only accepted on 127.0.0.1/localhost. Set HETERO__MESSAGING__RABBITMQ__USERNAME.";
            }

            if (string.IsNullOrEmpty(rabbit.Password) || IsGuest(rabbit.Password))
            {
                yield return $"{Prefix}Password must be set to the account's password: host '{rabbit.Host}' is not a loopback address, and an empty or " +
                             "default (guest) password is only accepted on 127.0.0.1/localhost. Set HETERO__MESSAGING__RABBITMQ__PASSWORD or " +
                             "HETERO__MESSAGING__RABBITMQ__PASSWORDFILE.";
            }
        }

        var tlsFiles = new (string Setting, string? Path)[]
        {
            ("TlsCaCertificatePath", rabbit.TlsCaCertificatePath),
            ("TlsClientCertificatePath", rabbit.TlsClientCertificatePath),
            ("TlsClientCertificatePasswordFile", rabbit.TlsClientCertificatePasswordFile),
        };
        foreach (var (setting, path) in tlsFiles.Where(f => !string.IsNullOrWhiteSpace(f.Path)))
        {
            if (!rabbit.UseTls)
            {
                yield return $"{Prefix}{setting} is set but {Prefix}UseTls is false; set HETERO__MESSAGING__RABBITMQ__USETLS=true (and usually port 5671).";
            }
            else if (!File.Exists(path))
            {
                yield return $"{Prefix}{setting} names '{path}', which does not exist.";
            }
        }

        if (rabbit.TlsUseClientCertificateAsIdentity && string.IsNullOrWhiteSpace(rabbit.TlsClientCertificatePath))
        {
            yield return $"{Prefix}TlsUseClientCertificateAsIdentity needs {Prefix}TlsClientCertificatePath.";
        }
    }

    private static bool IsGuest(string value) => string.Equals(value, "guest", StringComparison.OrdinalIgnoreCase);
}
