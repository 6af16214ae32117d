using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace HeteroAgents.Security;

/// <summary>
/// Removes secrets from text before it is logged or shown: the known secret values of this process (passwords,
/// API keys, tokens read from configuration, files and the environment) and, by pattern, passwords in URIs
/// (<c>amqp://user:PASSWORD@host</c>), <c>password=</c>/<c>apikey=</c>-style pairs in connection strings and
/// JSON, <c>Authorization</c> header values and bearer tokens. Each secret becomes <see cref="Mask"/>.
/// </summary>
public sealed partial class SecretRedactor
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "***";

    /// <summary>Known values shorter than this are not replaced by value (they would mangle ordinary words); the patterns still apply.</summary>
    public const int MinimumValueLength = 4;

    private readonly string[] _values;

    /// <summary>Creates a redactor for <paramref name="knownSecrets"/> (nulls, duplicates and values shorter than <see cref="MinimumValueLength"/> are ignored).</summary>
    public SecretRedactor(IEnumerable<string?> knownSecrets)
    {
        ArgumentNullException.ThrowIfNull(knownSecrets);
        _values = knownSecrets
            .Where(s => s is { Length: >= MinimumValueLength })
            .Select(s => s!)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length)
            .ToArray();
    }

    /// <summary>A redactor that knows no values and applies only the patterns.</summary>
    public static SecretRedactor PatternsOnly { get; } = new([]);

    /// <summary>How many secret values this redactor replaces by value.</summary>
    public int KnownValueCount => _values.Length;

    /// <summary>
    /// Collects the secrets of <see cref="SecretSettings"/> from <paramref name="configuration"/> (values and the
    /// files their <c>...File</c> settings name), the passwords embedded in connection strings, and the frontier
    /// API key from the environment variable named by <c>Hetero:Frontier:ApiKeyEnvironmentVariable</c>.
    /// </summary>
    public static SecretRedactor FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var secrets = new List<string?>();
        foreach (var setting in SecretSettings.All)
        {
            if (setting.Key is not null)
            {
                secrets.Add(configuration[setting.Key]);
            }

            if (setting.FileKey is not null && configuration[setting.FileKey] is { } path)
            {
                secrets.Add(SecretFile.ReadOrDefault(path, setting.FileKey, null));
            }
        }

        foreach (var key in SecretSettings.ConnectionStringKeys)
        {
            secrets.AddRange(ConnectionStringSecrets(configuration[key]));
        }

        var variable = configuration[SecretSettings.FrontierApiKeyVariableKey];
        secrets.Add(Environment.GetEnvironmentVariable(string.IsNullOrWhiteSpace(variable) ? SecretSettings.DefaultFrontierApiKeyVariable : variable));
        return new SecretRedactor(secrets);
    }

    /// <summary>The values of <c>password=</c> entries in a comma-separated connection string (StackExchange.Redis style).</summary>
    public static IEnumerable<string> ConnectionStringSecrets(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            yield break;
        }

        foreach (var part in connectionString.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && part[..eq].Trim() is var name &&
                (name.Equals("password", StringComparison.OrdinalIgnoreCase) || name.Equals("pwd", StringComparison.OrdinalIgnoreCase)))
            {
                yield return part[(eq + 1)..];
            }
        }
    }

    /// <summary>Returns <paramref name="text"/> with every secret replaced by <see cref="Mask"/>.</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var value in _values)
        {
            if (text.Contains(value, StringComparison.Ordinal))
            {
                text = text.Replace(value, Mask, StringComparison.Ordinal);
            }
        }

        text = UriUserInfo().Replace(text, "${prefix}" + Mask + "@");
        text = AuthorizationHeader().Replace(text, "${prefix}" + Mask);
        text = BearerToken().Replace(text, "${prefix}" + Mask);
        text = SecretPair().Replace(text, "${prefix}" + Mask);
        return OpenAiStyleKey().Replace(text, Mask);
    }

    /// <summary>Whether <paramref name="text"/> would change under <see cref="Redact"/>.</summary>
    public bool ContainsSecret(string? text) => !string.Equals(Redact(text), text, StringComparison.Ordinal);

    // scheme://user:password@ → scheme://user:***@
    [GeneratedRegex(@"(?<prefix>\b[a-zA-Z][a-zA-Z0-9+.\-]*://[^/\s:@]*:)[^@\s/]+@", RegexOptions.CultureInvariant)]
    private static partial Regex UriUserInfo();

    // Authorization: Bearer abc / authorization=Basic abc → value masked, scheme kept.
    [GeneratedRegex(@"(?<prefix>\b(?:proxy-)?authorization""?\s*[:=]\s*""?(?:(?:bearer|basic|token|apikey)\s+)?)[^\s,;""']+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorizationHeader();

    [GeneratedRegex(@"(?<prefix>\bbearer\s+)(?!\*\*\*)[A-Za-z0-9\-._~+/]+=*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BearerToken();

    // password=..., "apiKey": "...", client_secret: ... (connection strings, query strings, JSON, YAML).
    [GeneratedRegex(@"(?<prefix>\b(?:password|passwd|pwd|passphrase|api[-_]?key|access[-_]?token|auth[-_]?token|client[-_]?secret|secret)""?\s*[:=]\s*""?)(?!\*\*\*)[^\s,;""'&}]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretPair();

    // Provider API keys: OpenAI-style (sk-..., sk-proj-..., pk-/rk- publishable and restricted keys) and Google (AIza...).
    [GeneratedRegex(@"\b(?:sk|pk|rk)-[A-Za-z0-9_\-]{16,}|\bAIza[0-9A-Za-z_\-]{30,}", RegexOptions.CultureInvariant)]
    private static partial Regex OpenAiStyleKey();
}
