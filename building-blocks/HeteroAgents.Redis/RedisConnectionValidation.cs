using HeteroAgents.Security;
using StackExchange.Redis;

namespace HeteroAgents.Redis;

/// <summary>
/// Start-up checks of <see cref="RedisOptions"/>: a parseable configuration string with an endpoint; AUTH (a
/// password from <see cref="RedisOptions.Password"/>, <see cref="RedisOptions.PasswordFile"/> or
/// <c>password=</c> in the configuration string) for every endpoint that is not loopback; existing certificate files, and
/// TLS files only together with <see cref="RedisOptions.UseTls"/> (the password file is checked where it is read,
/// <see cref="SecretFileOptionsBuilderExtensions.ReadSecretFile{TOptions}"/>). Messages name the setting and
/// never show a secret.
/// </summary>
public static class RedisConnectionValidation
{
    /// <summary>
    /// The problems of <paramref name="options"/>, bound from <paramref name="sectionName"/> (e.g. <c>Hetero:Redis</c>);
    /// <paramref name="configurationSetting"/> names where <see cref="RedisOptions.Configuration"/> came from
    /// (default <c>{sectionName}:Configuration</c>).
    /// </summary>
    public static IEnumerable<string> Problems(RedisOptions options, string sectionName, string? configurationSetting = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(sectionName);
        return Check(options, sectionName + ":", configurationSetting ?? sectionName + ":Configuration", EnvironmentPrefix(sectionName));
    }

    private static string EnvironmentPrefix(string sectionName) => sectionName.Replace(":", "__", StringComparison.Ordinal).ToUpperInvariant() + "__";

    private static IEnumerable<string> Check(RedisOptions options, string prefix, string configurationSetting, string env)
    {
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
            yield return $"{configurationSetting} is not a valid StackExchange.Redis configuration string (e.g. 127.0.0.1:6379).";
            yield break;
        }

        var remote = RedisConfigurationFactory.Hosts(parsed).Where(h => !LoopbackHost.IsLoopback(h)).ToArray();
        if (remote.Length > 0 && string.IsNullOrEmpty(options.Password) && string.IsNullOrEmpty(parsed.Password) && string.IsNullOrWhiteSpace(options.PasswordFile))
        {
            yield return $"{prefix}Password is required: Redis endpoint '{remote[0]}' is not a loopback address, and a Redis without AUTH is only " +
                         $"accepted on 127.0.0.1/localhost. Set {env}PASSWORD or {env}PASSWORDFILE.";
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
                yield return $"{prefix}{setting} is set but {prefix}UseTls is false; set {env}USETLS=true.";
            }
            else if (!File.Exists(path))
            {
                yield return $"{prefix}{setting} names '{path}', which does not exist.";
            }
        }

        if (!string.IsNullOrWhiteSpace(options.TlsClientKeyPath) && string.IsNullOrWhiteSpace(options.TlsClientCertificatePath))
        {
            yield return $"{prefix}TlsClientKeyPath needs {prefix}TlsClientCertificatePath.";
        }
    }
}
