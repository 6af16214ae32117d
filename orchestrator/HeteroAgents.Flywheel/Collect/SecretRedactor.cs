using System.Text.RegularExpressions;

namespace HeteroAgents.Flywheel;

/// <summary>
/// Removes credentials from error texts before they are logged: provider exceptions sometimes echo a request URL
/// (<c>?api-key=…</c>) or header (<c>Authorization: Bearer …</c>), or a key itself (<c>sk-…</c>).
/// </summary>
internal static partial class SecretRedactor
{
    public const string Redacted = "<REDACTED>";

    public static string Redact(string text)
    {
        text = KeyValue().Replace(text, m => m.Groups["name"].Value + m.Groups["sep"].Value + Redacted);
        return BareKey().Replace(text, Redacted);
    }

    [GeneratedRegex(@"(?<name>\b(?:api[-_]?key|x-api-key|access[-_]?token|authorization|bearer|password|secret)\b)(?<sep>\s*[:=]\s*(?:bearer\s+)?|\s+)[^\s&""',;]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeyValue();

    [GeneratedRegex(@"\b(?:sk|pk|rk)-[A-Za-z0-9_-]{16,}|\bAIza[0-9A-Za-z_-]{30,}", RegexOptions.CultureInvariant)]
    private static partial Regex BareKey();
}
