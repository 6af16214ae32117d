using System.Globalization;
using System.Text.RegularExpressions;

namespace HeteroAgents.Inference.Tokenization;

/// <summary>
/// A .NET regex run over code points rather than UTF-16 units: before matching, every character above U+FFFF is
/// replaced by one BMP character of the same general category (so <c>\p{L}</c> matches 𝐀 and 𠀀 as one letter, as in
/// Oniguruma and JavaScript's <c>u</c> mode), and match positions are mapped back to the original text.
/// </summary>
internal sealed class UnicodePattern
{
    private readonly Regex _regex;

    public UnicodePattern(string dotNetPattern)
    {
        _regex = new Regex(dotNetPattern, RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    /// <summary>The .NET pattern.</summary>
    public string Pattern => _regex.ToString();

    /// <summary>Every non-overlapping match, left to right, as (start, length) in <paramref name="text"/>.</summary>
    public List<(int Start, int Length)> Matches(string text)
    {
        var result = new List<(int, int)>();
        if (!HasSurrogate(text))
        {
            for (var m = _regex.Match(text); m.Success; m = m.NextMatch())
            {
                result.Add((m.Index, m.Length));
            }

            return result;
        }

        var proxy = new char[text.Length];
        var map = new int[text.Length + 1];
        var n = 0;
        for (var i = 0; i < text.Length; i++)
        {
            map[n] = i;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                proxy[n++] = Proxy(CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(text[i], text[i + 1])));
                i++;
            }
            else
            {
                proxy[n++] = text[i];
            }
        }

        map[n] = text.Length;
        var substitute = new string(proxy, 0, n);
        for (var m = _regex.Match(substitute); m.Success; m = m.NextMatch())
        {
            var start = map[m.Index];
            result.Add((start, map[m.Index + m.Length] - start));
        }

        return result;
    }

    private static bool HasSurrogate(string text)
    {
        foreach (var c in text)
        {
            if (char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }

    // One BMP representative per general category; none is an ASCII letter or digit, so case-folded literals and
    // digit rules never see them.
    private static char Proxy(UnicodeCategory category) => category switch
    {
        UnicodeCategory.UppercaseLetter => '\u00C0',
        UnicodeCategory.LowercaseLetter => '\u00E0',
        UnicodeCategory.TitlecaseLetter => '\u01C5',
        UnicodeCategory.ModifierLetter => '\u02B0',
        UnicodeCategory.OtherLetter => '\u4E00',
        UnicodeCategory.NonSpacingMark => '\u0300',
        UnicodeCategory.SpacingCombiningMark => '\u0903',
        UnicodeCategory.EnclosingMark => '\u20DD',
        UnicodeCategory.DecimalDigitNumber => '\u0660',
        UnicodeCategory.LetterNumber => '\u2160',
        UnicodeCategory.OtherNumber => '\u00B2',
        UnicodeCategory.ConnectorPunctuation => '\u203F',
        UnicodeCategory.DashPunctuation => '\u2010',
        UnicodeCategory.OpenPunctuation => '\u2045',
        UnicodeCategory.ClosePunctuation => '\u2046',
        UnicodeCategory.InitialQuotePunctuation => '\u2039',
        UnicodeCategory.FinalQuotePunctuation => '\u203A',
        UnicodeCategory.OtherPunctuation => '\u203B',
        UnicodeCategory.MathSymbol => '\u2200',
        UnicodeCategory.CurrencySymbol => '\u20A0',
        UnicodeCategory.ModifierSymbol => '\u02C2',
        UnicodeCategory.OtherSymbol => '\u2603',
        UnicodeCategory.Format => '\u200B',
        UnicodeCategory.PrivateUse => '\uE000',
        _ => '\u0378',
    };
}
