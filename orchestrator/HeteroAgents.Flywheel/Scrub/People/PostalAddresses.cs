using System.Text.RegularExpressions;

namespace HeteroAgents.Flywheel;

/// <summary>
/// Postal addresses (<see cref="PiiType.Address"/>): street lines (number first as in English and French, name then
/// number as in German, Dutch and Nordic, street word first as in Italian, Spanish, Portuguese and Polish; Cyrillic;
/// post boxes), postcodes with their town (5 and 4 digits, Dutch, Swedish/Czech/Greek 3+2, Polish, Portuguese, US
/// city-state-ZIP, Canadian, Australian, UK), and Japanese, Chinese and Korean addresses. Parts separated only by commas,
/// line breaks, units (<c>Apt 5B</c>, <c>3º izquierda</c>) or localities join into one address, which also takes the
/// units, buildings and street lines right before it. A street line alone is an address; a town alone is not, nor a
/// postcode-like number after <c>order</c>, <c>error code</c>, <c>version</c>, nor a street-like product name after a
/// determiner (<c>our 221B Baker Street puzzle</c>) or before another number (<c>Camden Road 40 planters</c>).
/// </summary>
internal static partial class PostalAddresses
{
    private enum Kind
    {
        Street,
        Postcode,
        Weak,
    }

    /// <summary>Adds the address candidates of <paramref name="text"/> to <paramref name="into"/>.</summary>
    public static void AddCandidates(List<PiiFinding> into, string text)
    {
        var parts = new List<(int Start, int End, Kind Kind)>();
        Streets(parts, text);
        Postcodes(parts, text);
        if (parts.Count == 0)
        {
            return;
        }

        parts.Sort((a, b) => a.Start.CompareTo(b.Start));
        var i = 0;
        while (i < parts.Count)
        {
            var (start, end, kinds) = (parts[i].Start, parts[i].End, new HashSet<Kind> { parts[i].Kind });
            for (i++; i < parts.Count && (parts[i].Start <= end || Joins(text.AsSpan(end, parts[i].Start - end))); i++)
            {
                end = Math.Max(end, parts[i].End);
                kinds.Add(parts[i].Kind);
            }

            var extended = ExtendBackwards(text, start);
            if (kinds.Contains(Kind.Street) || kinds.Contains(Kind.Postcode) || extended < start)
            {
                into.Add(new PiiFinding(PiiType.Address, extended, end - extended, text[extended..end]));
            }
        }
    }

    private static void Streets(List<(int, int, Kind)> parts, string text)
    {
        foreach (Match m in PostalAddressPatterns.NumberFirstStreet().Matches(text))
        {
            // Not "our 221B Baker Street puzzle", "2 Camden Road 40 planters", "ordered 2 ..."
            if (!Determiner(text, m.Index) && !NumberAfter(text, m.Index + m.Length) && !Reference(text, m.Index))
            {
                parts.Add((m.Index, m.Index + m.Length, Kind.Street));
            }
        }

        foreach (Match m in PostalAddressPatterns.FrenchStreet().Matches(text))
        {
            if (!Reference(text, m.Index))
            {
                parts.Add((m.Index, m.Index + m.Length, Kind.Street));
            }
        }

        foreach (var regex in new[] { PostalAddressPatterns.NameThenNumberStreet(), PostalAddressPatterns.WordFirstStreet(), PostalAddressPatterns.CyrillicStreet(), PostalAddressPatterns.PostBox(), PostalAddressPatterns.EastAsian() })
        {
            foreach (Match m in regex.Matches(text))
            {
                parts.Add((m.Index, m.Index + m.Length, Kind.Street));
            }
        }
    }

    private static void Postcodes(List<(int, int, Kind)> parts, string text)
    {
        foreach (Match m in PostalAddressPatterns.PostcodeCity().Matches(text))
        {
            var code = m.Groups["code"].Value;
            if (Reference(text, m.Index) || PeopleLexicon.IsCommonWord(m.Groups["city"].Value.Split(' ', '\t')[0]))
            {
                continue;
            }

            // Four or six bare digits are a postcode only after a comma, a line break or "in"/"nach"/"to"; a year never alone.
            var bare = code.All(char.IsAsciiDigit) && code.Length is 4 or 6;
            var afterSeparator = AfterSeparator(text, m.Index);
            var yearLike = code.Length == 4 && ((code[0] == '1' && code[1] == '9') || (code[0] == '2' && code[1] == '0'));
            var kind = !bare || afterSeparator || (!yearLike && PostalAddressPatterns.PlaceBefore().IsMatch(text.AsSpan(0, m.Index)))
                ? Kind.Postcode
                : Kind.Weak;
            parts.Add((m.Index, m.Index + m.Length, kind));
        }

        foreach (var regex in new[] { PostalAddressPatterns.NorthAmericaAustralia(), PostalAddressPatterns.UkPostcode() })
        {
            foreach (Match m in regex.Matches(text))
            {
                parts.Add((m.Index, m.Index + m.Length, Kind.Postcode));
            }
        }

        foreach (Match m in PostalAddressPatterns.WeakPostcode().Matches(text))
        {
            if (!Reference(text, m.Index))
            {
                parts.Add((m.Index, m.Index + m.Length, Kind.Weak));
            }
        }
    }

    // The text between two parts holds only separators and pieces such as units and localities.
    private static bool Joins(ReadOnlySpan<char> gap)
    {
        if (gap.Length > 80 || (gap.IndexOfAny(",\n-") < 0 && !gap.IsWhiteSpace()))
        {
            return false;
        }

        foreach (var piece in Pieces(gap.ToString()))
        {
            if (!PostalAddressPatterns.Between().IsMatch(piece))
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<string> Pieces(string gap) =>
        gap.Replace(" - ", ",", StringComparison.Ordinal).Replace(" – ", ",", StringComparison.Ordinal).Split(',', '\n').Select(p => p.Trim());

    // Units, buildings and street lines right before an address, separated by commas or line breaks.
    private static int ExtendBackwards(string text, int start)
    {
        for (var pieces = 0; pieces < 3; pieces++)
        {
            var sep = start - 1;
            while (sep >= 0 && text[sep] is ' ' or '\t')
            {
                sep--;
            }

            if (sep < 0 || text[sep] is not (',' or '\n'))
            {
                return start;
            }

            var from = text.LastIndexOfAny([',', '\n', ':', ';', '(', '.', '!', '?'], Math.Max(0, sep - 1)) + 1;
            if (from > 0 && text[from - 1] == '.' && from - 2 >= 0 && char.IsUpper(text[from - 2]))
            {
                from = text.LastIndexOfAny([',', '\n', ':', ';', '('], from - 2) + 1; // "Bât. B": a dot after an abbreviation
            }

            var piece = text[from..sep];
            var trimmed = piece.Trim();
            if (trimmed.Length == 0 || trimmed.Length > 50 || DateLike().IsMatch(trimmed))
            {
                return start;
            }

            if (!PostalAddressPatterns.Before().IsMatch(trimmed))
            {
                var tail = PostalAddressPatterns.TrailingCapitals().Match(trimmed);
                return tail.Success && tail.Index > 0 && PostalAddressPatterns.Before().IsMatch(tail.Value)
                    ? from + piece.IndexOf(tail.Value, StringComparison.Ordinal)
                    : start;
            }

            start = from + (piece.Length - piece.TrimStart().Length);
        }

        return start;
    }

    private static bool Determiner(string text, int at) => PersonNamePatterns.DeterminerBefore().IsMatch(text.AsSpan(Math.Max(0, at - 12), Math.Min(12, at)));

    private static bool NumberAfter(string text, int end) => end + 1 < text.Length && text[end] is ' ' or '\t' && char.IsAsciiDigit(text[end + 1]);

    private static bool Reference(string text, int at) => PostalAddressPatterns.ReferenceBefore().IsMatch(text.AsSpan(Math.Max(0, at - 20), Math.Min(20, at)));

    private static bool AfterSeparator(string text, int at)
    {
        var i = at - 1;
        while (i >= 0 && text[i] is ' ' or '\t')
        {
            i--;
        }

        return i < 0 || text[i] is ',' or '\n' or ':' or '：';
    }

    // A date is never part of an address ("DOB 1994-12-03, 14 Cromwell Road").
    [GeneratedRegex(@"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}", RegexOptions.CultureInvariant)]
    private static partial Regex DateLike();
}
