using System.Globalization;

namespace HeteroAgents.Decoding.Regex;

/// <summary>
/// Code point ranges of Unicode general categories for <c>\p{...}</c> (short or long names, <c>gc=</c>/<c>General_Category=</c>
/// prefixes, and <c>Any</c>, <c>ASCII</c>, <c>Assigned</c>), from .NET's Unicode tables. Scripts are not supported.
/// </summary>
internal static class UnicodeProperties
{
    private static readonly Lazy<(int Lo, int Hi)[][]> s_categories = new(Build);

    private static readonly Dictionary<string, UnicodeCategory[]> s_names = new(StringComparer.Ordinal)
    {
        ["L"] = [UnicodeCategory.UppercaseLetter, UnicodeCategory.LowercaseLetter, UnicodeCategory.TitlecaseLetter, UnicodeCategory.ModifierLetter, UnicodeCategory.OtherLetter],
        ["LC"] = [UnicodeCategory.UppercaseLetter, UnicodeCategory.LowercaseLetter, UnicodeCategory.TitlecaseLetter],
        ["Lu"] = [UnicodeCategory.UppercaseLetter],
        ["Ll"] = [UnicodeCategory.LowercaseLetter],
        ["Lt"] = [UnicodeCategory.TitlecaseLetter],
        ["Lm"] = [UnicodeCategory.ModifierLetter],
        ["Lo"] = [UnicodeCategory.OtherLetter],
        ["M"] = [UnicodeCategory.NonSpacingMark, UnicodeCategory.SpacingCombiningMark, UnicodeCategory.EnclosingMark],
        ["Mn"] = [UnicodeCategory.NonSpacingMark],
        ["Mc"] = [UnicodeCategory.SpacingCombiningMark],
        ["Me"] = [UnicodeCategory.EnclosingMark],
        ["N"] = [UnicodeCategory.DecimalDigitNumber, UnicodeCategory.LetterNumber, UnicodeCategory.OtherNumber],
        ["Nd"] = [UnicodeCategory.DecimalDigitNumber],
        ["Nl"] = [UnicodeCategory.LetterNumber],
        ["No"] = [UnicodeCategory.OtherNumber],
        ["P"] = [UnicodeCategory.ConnectorPunctuation, UnicodeCategory.DashPunctuation, UnicodeCategory.OpenPunctuation, UnicodeCategory.ClosePunctuation, UnicodeCategory.InitialQuotePunctuation, UnicodeCategory.FinalQuotePunctuation, UnicodeCategory.OtherPunctuation],
        ["Pc"] = [UnicodeCategory.ConnectorPunctuation],
        ["Pd"] = [UnicodeCategory.DashPunctuation],
        ["Ps"] = [UnicodeCategory.OpenPunctuation],
        ["Pe"] = [UnicodeCategory.ClosePunctuation],
        ["Pi"] = [UnicodeCategory.InitialQuotePunctuation],
        ["Pf"] = [UnicodeCategory.FinalQuotePunctuation],
        ["Po"] = [UnicodeCategory.OtherPunctuation],
        ["S"] = [UnicodeCategory.MathSymbol, UnicodeCategory.CurrencySymbol, UnicodeCategory.ModifierSymbol, UnicodeCategory.OtherSymbol],
        ["Sm"] = [UnicodeCategory.MathSymbol],
        ["Sc"] = [UnicodeCategory.CurrencySymbol],
        ["Sk"] = [UnicodeCategory.ModifierSymbol],
        ["So"] = [UnicodeCategory.OtherSymbol],
        ["Z"] = [UnicodeCategory.SpaceSeparator, UnicodeCategory.LineSeparator, UnicodeCategory.ParagraphSeparator],
        ["Zs"] = [UnicodeCategory.SpaceSeparator],
        ["Zl"] = [UnicodeCategory.LineSeparator],
        ["Zp"] = [UnicodeCategory.ParagraphSeparator],
        ["C"] = [UnicodeCategory.Control, UnicodeCategory.Format, UnicodeCategory.Surrogate, UnicodeCategory.PrivateUse, UnicodeCategory.OtherNotAssigned],
        ["Cc"] = [UnicodeCategory.Control],
        ["Cf"] = [UnicodeCategory.Format],
        ["Cs"] = [UnicodeCategory.Surrogate],
        ["Co"] = [UnicodeCategory.PrivateUse],
        ["Cn"] = [UnicodeCategory.OtherNotAssigned],
    };

    private static readonly Dictionary<string, string> s_longNames = new(StringComparer.Ordinal)
    {
        ["Letter"] = "L", ["Cased_Letter"] = "LC", ["Uppercase_Letter"] = "Lu", ["Lowercase_Letter"] = "Ll", ["Titlecase_Letter"] = "Lt",
        ["Modifier_Letter"] = "Lm", ["Other_Letter"] = "Lo", ["Mark"] = "M", ["Combining_Mark"] = "M", ["Nonspacing_Mark"] = "Mn",
        ["Spacing_Mark"] = "Mc", ["Enclosing_Mark"] = "Me", ["Number"] = "N", ["Decimal_Number"] = "Nd", ["digit"] = "Nd",
        ["Letter_Number"] = "Nl", ["Other_Number"] = "No", ["Punctuation"] = "P", ["punct"] = "P", ["Connector_Punctuation"] = "Pc",
        ["Dash_Punctuation"] = "Pd", ["Open_Punctuation"] = "Ps", ["Close_Punctuation"] = "Pe", ["Initial_Punctuation"] = "Pi",
        ["Final_Punctuation"] = "Pf", ["Other_Punctuation"] = "Po", ["Symbol"] = "S", ["Math_Symbol"] = "Sm", ["Currency_Symbol"] = "Sc",
        ["Modifier_Symbol"] = "Sk", ["Other_Symbol"] = "So", ["Separator"] = "Z", ["Space_Separator"] = "Zs", ["Line_Separator"] = "Zl",
        ["Paragraph_Separator"] = "Zp", ["Other"] = "C", ["Control"] = "Cc", ["cntrl"] = "Cc", ["Format"] = "Cf", ["Surrogate"] = "Cs",
        ["Private_Use"] = "Co", ["Unassigned"] = "Cn",
    };

    /// <summary>The ranges of property <paramref name="name"/>; throws <see cref="RegexUnsupportedException"/> for unknown ones.</summary>
    public static (int Lo, int Hi)[] Ranges(string name)
    {
        var eq = name.IndexOf('=', StringComparison.Ordinal);
        if (eq >= 0)
        {
            var key = name[..eq];
            if (key is not ("gc" or "General_Category"))
            {
                throw new RegexUnsupportedException($"Unicode property '{name}' is not supported (only general categories)");
            }

            name = name[(eq + 1)..];
        }

        switch (name)
        {
            case "Any":
                return CharRanges.Any;
            case "ASCII":
                return [(0, 0x7F)];
            case "Assigned":
                return CharRanges.Negate(Ranges("Cn"));
        }

        var shortName = s_longNames.TryGetValue(name, out var n) ? n : name;
        if (!s_names.TryGetValue(shortName, out var categories))
        {
            throw new RegexUnsupportedException($"Unicode property '{name}' is not supported (only general categories)");
        }

        var all = s_categories.Value;
        return CharRanges.Normalize(categories.SelectMany(c => all[(int)c]));
    }

    private static (int Lo, int Hi)[][] Build()
    {
        var lists = Enumerable.Range(0, 30).Select(_ => new List<(int, int)>()).ToArray();
        var start = 0;
        var current = CharUnicodeInfo.GetUnicodeCategory(0);
        for (var cp = 1; cp <= CharRanges.MaxCodePoint + 1; cp++)
        {
            var c = cp <= CharRanges.MaxCodePoint ? CharUnicodeInfo.GetUnicodeCategory(cp) : (UnicodeCategory)(-1);
            if (c != current)
            {
                lists[(int)current].Add((start, cp - 1));
                (start, current) = (cp, c);
            }
        }

        return [.. lists.Select(l => l.ToArray())];
    }
}
