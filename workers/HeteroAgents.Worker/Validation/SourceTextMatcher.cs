using System.Text;

namespace HeteroAgents.Worker.Validation;

/// <summary>
/// Decides whether an extracted string appears in the source text. Both sides are normalized the same way —
/// Unicode NFKC (so full-width and compatibility forms match their plain forms), lower case (invariant culture),
/// every run of whitespace (spaces, tabs, line breaks) collapsed to one space, leading and trailing whitespace
/// removed — and the value must then be a substring of the text. Punctuation and digits are compared as they are:
/// "A-1234" does not match "A1234". A value that is empty after normalization claims nothing and always matches.
/// </summary>
public sealed class SourceTextMatcher
{
    private readonly string _normalizedSource;

    /// <summary>Prepares <paramref name="source"/> for repeated lookups.</summary>
    public SourceTextMatcher(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _normalizedSource = Normalize(source);
    }

    /// <summary>Whether <paramref name="value"/> appears in the source under the normalization rule.</summary>
    public bool Contains(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var normalized = Normalize(value);
        return normalized.Length == 0 || _normalizedSource.Contains(normalized, StringComparison.Ordinal);
    }

    /// <summary>Applies the normalization rule: NFKC, lower case, whitespace runs collapsed to one space, trimmed.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
