using System.Globalization;
using System.Text.RegularExpressions;

namespace HeteroAgents.Flywheel;

/// <summary>
/// National identifiers beyond the always-on US SSN and UK NINO forms. Those with a strong check run everywhere: Spanish
/// DNI/NIE (mod-23 letter), Swedish personnummer (date and Luhn), French NIR (mod-97 key), Indian PAN (structure, personal
/// holder). Bare digit runs that only a keyword tells apart from other numbers need one just before them: a 9-digit SSN
/// (<c>SSN</c>, <c>social security</c>, <c>taxpayer</c>), a Canadian SIN (<c>SIN</c>, <c>social insurance</c>; Luhn), a
/// Dutch BSN (<c>BSN</c>, <c>burgerservicenummer</c>; 11-test).
/// </summary>
internal static partial class NationalIds
{
    private const int ContextChars = 40;
    private const string DniLetters = "TRWAGMYFPDXBNJZSQVHLCKE";

    public static void AddCandidates(List<PiiFinding> into, string text)
    {
        foreach (Match m in DniOrNie().Matches(text))
        {
            if (DniChecks(m.Value))
            {
                Add(into, m);
            }
        }

        foreach (Match m in Personnummer().Matches(text))
        {
            if (PersonnummerChecks(m.Value))
            {
                Add(into, m);
            }
        }

        foreach (Match m in Nir().Matches(text))
        {
            if (NirChecks(m.Value))
            {
                Add(into, m);
            }
        }

        foreach (Match m in IndianPan().Matches(text))
        {
            Add(into, m);
        }

        foreach (Match m in NineDigits().Matches(text))
        {
            var digits = Digits(m.Value);
            var before = Before(text, m.Index);
            var bare = digits.Length == m.Value.Length;
            if ((bare && SsnContext().IsMatch(before) && SsnChecks(digits))
                || (SinContext().IsMatch(before) && digits[0] is not ('0' or '8') && PiiChecksums.Luhn(digits))
                || (bare && BsnContext().IsMatch(before) && BsnChecks(digits)))
            {
                Add(into, m);
            }
        }
    }

    private static void Add(List<PiiFinding> into, Match m) => into.Add(new PiiFinding(PiiType.NationalId, m.Index, m.Length, m.Value));

    private static string Before(string text, int index) => text[Math.Max(0, index - ContextChars)..index];

    private static string Digits(string value) => string.Concat(value.Where(char.IsAsciiDigit));

    private static bool DniChecks(string value)
    {
        var upper = value.ToUpperInvariant();
        var number = upper[0] switch
        {
            'X' => "0" + upper[1..^1],
            'Y' => "1" + upper[1..^1],
            'Z' => "2" + upper[1..^1],
            _ => upper[..^1],
        };
        return DniLetters[(int)(long.Parse(number, CultureInfo.InvariantCulture) % 23)] == upper[^1];
    }

    private static bool PersonnummerChecks(string value)
    {
        var month = int.Parse(value.AsSpan(2, 2), CultureInfo.InvariantCulture);
        var day = int.Parse(value.AsSpan(4, 2), CultureInfo.InvariantCulture);
        return month is >= 1 and <= 12 && day is >= 1 and <= 31 && PiiChecksums.Luhn(Digits(value));
    }

    private static bool NirChecks(string value)
    {
        var compact = value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

        // Corsica's departments 2A and 2B count as 19 and 18 in the key.
        var body = compact[..13].Replace("2A", "19", StringComparison.Ordinal).Replace("2B", "18", StringComparison.Ordinal);
        var month = int.Parse(body.AsSpan(3, 2), CultureInfo.InvariantCulture);
        return month is (>= 1 and <= 12) or (>= 20 and <= 42) or (>= 50 and <= 99)
            && 97 - long.Parse(body, CultureInfo.InvariantCulture) % 97 == int.Parse(compact.AsSpan(13, 2), CultureInfo.InvariantCulture);
    }

    private static bool SsnChecks(string digits) =>
        digits[..3] is not ("000" or "666") && digits[0] != '9' && digits[3..5] != "00" && digits[5..] != "0000";

    private static bool BsnChecks(string digits)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (digits[i] - '0') * (9 - i);
        }

        return digits[0] != '0' && (sum - (digits[8] - '0')) % 11 == 0;
    }

    [GeneratedRegex(@"(?<![\w-])(?:\d{8}|[XYZxyz]\d{7})[A-Za-z](?![\w-])", RegexOptions.CultureInvariant)]
    private static partial Regex DniOrNie();

    [GeneratedRegex(@"(?<![\w-])\d{6}[-+]\d{4}(?![\w-])", RegexOptions.CultureInvariant)]
    private static partial Regex Personnummer();

    [GeneratedRegex(@"(?<![\w-])[12] ?\d{2} ?\d{2} ?(?:\d{2}|2[ABab]) ?\d{3} ?\d{3} ?\d{2}(?![\w-])", RegexOptions.CultureInvariant)]
    private static partial Regex Nir();

    [GeneratedRegex(@"(?<![\w-])[A-Z]{3}P[A-Z]\d{4}[A-Z](?![\w-])", RegexOptions.CultureInvariant)]
    private static partial Regex IndianPan();

    // Nine digits, bare or grouped 3-3-3 by one repeated space or dash.
    [GeneratedRegex(@"(?<![\w-]|\d[ -])(?:\d{9}|\d{3}([ -])\d{3}\1\d{3})(?![\w-]|[ -]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex NineDigits();

    [GeneratedRegex(@"\b(?:ssn|social security|social|taxpayer|tin)\b\W*(?:(?:number|no|nr|id|is)\b\W*)*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SsnContext();

    [GeneratedRegex(@"\b(?:sin|social insurance)\b\W*(?:(?:number|no|nr|is)\b\W*)*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SinContext();

    [GeneratedRegex(@"\b(?:bsn|burgerservicenummer|sofinummer)\b\W*(?:(?:number|nummer|nr|is)\b\W*)*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex BsnContext();
}
