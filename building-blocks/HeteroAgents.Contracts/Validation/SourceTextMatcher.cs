using System.Text;

namespace HeteroAgents.Contracts;

/// <summary>
/// Decides whether an extracted string appears in the source text. Both sides are normalized the same way —
/// full-width ASCII forms (U+FF01..U+FF5E) folded to ASCII, typographic quotes folded to ' and ", en and em dashes
/// and the minus sign folded to -, lower case (invariant culture), every run of whitespace (spaces, tabs, line
/// breaks, no-break spaces) collapsed to one space, leading and trailing whitespace removed — and the value must
/// then be a substring of the text. Other punctuation and digits are compared as they are: "A-1234" does not match
/// "A1234". A value that is empty after normalization claims nothing and always matches.
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

    /// <summary>Applies the normalization rule: width, quote and dash folding, lower case, whitespace runs collapsed to one space, trimmed.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var original in text)
        {
            var c = Fold(original);
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

    private static char Fold(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        '\u3000' => ' ',
        '\u2018' or '\u2019' or '\u201A' or '\u2032' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u2033' => '"',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => '-',
        _ => c,
    };
}
