using HeteroAgents.Messaging.Security;
using HeteroAgents.Orchestrator.Store;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace HeteroAgents.Orchestrator.Options;

/// <summary>
/// Start-up checks of <see cref="RedisOptions"/>: a parseable configuration string with an endpoint; AUTH (a password
/// from <see cref="RedisOptions.Password"/>, <see cref="RedisOptions.PasswordFile"/> or <c>password=</c> in the
/// configuration string) for every endpoint that is not loopback; readable secret and certificate files, and TLS
/// files only together with <see cref="RedisOptions.UseTls"/>. Messages name the setting and never show a secret.
/// </summary>
public sealed class RedisOptionsValidator : IValidateOptions<RedisOptions>
{
    private const string Prefix = RedisOptions.SectionName + ":";

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, RedisOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Problems(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The problems of <paramref name="options"/>.</summary>
    public static IEnumerable<string> Problems(RedisOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ConfigurationOptions? parsed;
        try
        {
            parsed = string.IsNullOrWhiteSpace(options.Configuration) ? null : ConfigurationOptions.Parse(options.Configuration);
        }
        catch (ArgumentException)
        {
            parsed = null;
        }

        if (parsed is null || parsed.EndPoints.Count == 0)
        {
            yield return $"{Prefix}Configuration is not a valid StackExchange.Redis configuration string (e.g. 127.0.0.1:6379).";
            yield break;
        }

        if (options.PasswordFile is { Length: > 0 } file && SecretFile.Problem(file, Prefix + "PasswordFile") is { } fileProblem)
        {
            yield return fileProblem;
        }

        var remote = RedisConfigurationFactory.Hosts(parsed).Where(h => !LoopbackHost.IsLoopback(h)).ToArray();
        if (remote.Length > 0 && string.IsNullOrEmpty(options.Password) && string.IsNullOrEmpty(parsed.Password) && string.IsNullOrWhiteSpace(options.PasswordFile))
        {
            yield return $"{Prefix}Password is required: Redis endpoint '{remote[0]}' is not a loopback address, and a Redis without AUTH is only " +
                         "accepted on 127.0.0.1/localhost. Set HETERO__REDIS__PASSWORD or HETERO__REDIS__PASSWORDFILE.";
        }

        var tlsFiles = new (string Setting, string? Path)[]
        {
            ("TlsCaCertificatePath", options.TlsCaCertificatePath),
            ("TlsClientCertificatePath", options.TlsClientCertificatePath),
            ("TlsClientKeyPath", options.TlsClientKeyPath),
        };
        foreach (var (setting, path) in tlsFiles.Where(f => !string.IsNullOrWhiteSpace(f.Path)))
        {
            if (!options.UseTls)
            {
                yield return $"{Prefix}{setting} is set but {Prefix}UseTls is false; set HETERO__REDIS__USETLS=true.";
            }
            else if (!File.Exists(path))
            {
                yield return $"{Prefix}{setting} names '{path}', which does not exist.";
            }
        }

        if (!string.IsNullOrWhiteSpace(options.TlsClientKeyPath) && string.IsNullOrWhiteSpace(options.TlsClientCertificatePath))
        {
            yield return $"{Prefix}TlsClientKeyPath needs {Prefix}TlsClientCertificatePath.";
        }
    }
}
