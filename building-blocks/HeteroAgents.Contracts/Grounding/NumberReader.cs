using System.Globalization;
using System.Text.RegularExpressions;

namespace HeteroAgents.Contracts;

/// <summary>
/// Finds the numbers written in a text and reads each under every common convention, so that a value and its source
/// can be compared whatever their spelling. A number is a run of digits with inner separators <c>.</c> <c>,</c>
/// <c>'</c> or a no-break/thin space, optionally followed by <c>%</c> or a scale word (<c>k</c>, <c>M</c>, <c>bn</c>,
/// <c>thousand</c>, <c>million</c>, <c>billion</c>); currency symbols and codes around it and the sign are ignored.
/// Separators are read as follows: two different ones — the last is the decimal mark (<c>1,234.50</c> and <c>1.234,50</c>
/// are both 1234.5); one <c>.</c> or <c>,</c> followed by exactly three digits — either (<c>1,234</c> is 1234 or 1.234);
/// one followed by other digit counts — a decimal mark (<c>120.00</c> is 120, <c>12,5</c> is 12.5); the same one
/// repeated between groups of three — grouping (<c>1.234.567</c>); repeated otherwise (<c>05.03.2024</c>, <c>1.2.3</c>) —
/// separate integers. A percentage also reads as its fraction (<c>15%</c> is 15 or 0.15), a scaled number also as its
/// product (<c>1.2M</c> is 1.2 or 1,200,000). Optionally the English number words zero to ninety-nine, <c>dozen</c>,
/// <c>hundred</c> and <c>thousand</c> are read too.
/// </summary>
public static partial class NumberReader
{
    private static readonly Dictionary<string, int> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["dozen"] = 12,
        ["hundred"] = 100, ["thousand"] = 1_000,
    };

    private static readonly Dictionary<string, int> Tens = new(StringComparer.OrdinalIgnoreCase)
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    /// <summary>The numbers written in <paramref name="text"/>, in order.</summary>
    /// <param name="text">The text.</param>
    /// <param name="includeWords">Also read number words (<c>two</c>, <c>twenty-five</c>, <c>dozen</c>).</param>
    public static IReadOnlyList<NumberMention> Find(string text, bool includeWords = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var mentions = new List<NumberMention>();
        foreach (Match match in DigitNumber().Matches(text))
        {
            foreach (var mention in Read(match))
            {
                mentions.Add(mention);
            }
        }

        if (includeWords)
        {
            foreach (Match match in WordNumber().Matches(text))
            {
                var value = match.Groups["tens"].Success
                    ? Tens[match.Groups["tens"].Value] + (match.Groups["unit"].Success ? Units[match.Groups["unit"].Value] : 0)
                    : Units[match.Groups["word"].Value];
                mentions.Add(new NumberMention(match.Value, match.Index, [value]));
            }

            mentions.Sort((a, b) => a.Index.CompareTo(b.Index));
        }

        return mentions;
    }

    /// <summary>
    /// Reads <paramref name="value"/> as one number when that is all it says: a number as <see cref="Find"/> reads it,
    /// with only a sign, currency symbols or three-letter currency codes and whitespace around it (<c>€120.00</c>,
    /// <c>120 EUR</c>, <c>-5</c>, <c>15 %</c>).
    /// </summary>
    public static bool TryReadWhole(string value, out NumberMention mention)
    {
        ArgumentNullException.ThrowIfNull(value);
        mention = null!;
        var match = WholeNumber().Match(value);
        if (!match.Success)
        {
            return false;
        }

        var inner = DigitNumber().Match(match.Groups["number"].Value);
        var read = Read(inner);
        if (read.Count != 1 || read[0].Text.Length != match.Groups["number"].Value.Length)
        {
            return false;
        }

        mention = read[0];
        return true;
    }

    /// <summary>Whether two readings are the same number (relative difference below 1e-9; signs are compared by the caller).</summary>
    public static bool Same(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));

    private static List<NumberMention> Read(Match match)
    {
        var core = match.Groups["core"].Value;
        var readings = new List<double>();
        var parts = Separators().Split(core);
        var separators = Separators().Matches(core).Select(m => m.Value[0]).ToList();
        if (separators.Count == 0)
        {
            readings.Add(Parse(core));
        }
        else if (separators.Distinct().Count() >= 2)
        {
            var decimalMark = separators[^1];
            if (separators.Take(separators.Count - 1).Contains(decimalMark) || decimalMark is not ('.' or ','))
            {
                return Runs(match, parts);
            }

            readings.Add(Parse(string.Concat(parts.Take(parts.Length - 1)) + "." + parts[^1]));
        }
        else if (separators[0] is not ('.' or ','))
        {
            // Apostrophes and thin/no-break spaces only group digits.
            if (!Grouped(parts))
            {
                return Runs(match, parts);
            }

            readings.Add(Parse(string.Concat(parts)));
        }
        else if (separators.Count == 1)
        {
            readings.Add(Parse(parts[0] + "." + parts[1]));
            if (parts[1].Length == 3)
            {
                readings.Add(Parse(parts[0] + parts[1]));
            }
        }
        else
        {
            if (!Grouped(parts))
            {
                return Runs(match, parts);
            }

            readings.Add(Parse(string.Concat(parts)));
        }

        return [new NumberMention(match.Value, match.Index, Scaled(match, readings))];
    }

    private static bool Grouped(string[] parts) => parts[0].Length is >= 1 and <= 3 && parts.Skip(1).All(p => p.Length == 3);

    private static List<NumberMention> Runs(Match match, string[] parts)
    {
        var runs = new List<NumberMention>();
        var offset = 0;
        var core = match.Groups["core"].Value;
        foreach (var part in parts)
        {
            var at = core.IndexOf(part, offset, StringComparison.Ordinal);
            runs.Add(new NumberMention(part, match.Index + at, [Parse(part)]));
            offset = at + part.Length;
        }

        return runs;
    }

    private static List<double> Scaled(Match match, List<double> readings)
    {
        if (match.Groups["pct"].Success)
        {
            return [.. readings, .. readings.Select(r => r / 100)];
        }

        if (match.Groups["scale"].Success)
        {
            var factor = match.Groups["scale"].Value.ToUpperInvariant() switch
            {
                "K" or "THOUSAND" => 1e3,
                "M" or "MN" or "MILLION" => 1e6,
                _ => 1e9,
            };
            return [.. readings, .. readings.Select(r => r * factor)];
        }

        return readings;
    }

    private static double Parse(string digits) => double.Parse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<core>\d+(?:[.,'\u00A0\u2009\u202F]\d+)*)(?:\s?(?<pct>%)|\s?(?<scale>k|K|M|mn|bn|BN|thousand|million|billion)\b)?", RegexOptions.CultureInvariant)]
    private static partial Regex DigitNumber();

    [GeneratedRegex(@"[.,'\u00A0\u2009\u202F]", RegexOptions.CultureInvariant)]
    private static partial Regex Separators();

    [GeneratedRegex(@"^\s*[+\-\u2212]?\s*(?:\p{Sc}\s*|[A-Z]{3}\s+)?[+\-\u2212]?(?<number>\d(?:[\d.,'\u00A0\u2009\u202F]*\d)?(?:\s?%|\s?(?:k|K|M|mn|bn|BN|thousand|million|billion)\b)?)\s*(?:\p{Sc}|[A-Z]{3})?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex WholeNumber();

    [GeneratedRegex(@"\b(?:(?<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\-\s](?<unit>one|two|three|four|five|six|seven|eight|nine)\b)?|(?<word>zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|dozen|hundred|thousand))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WordNumber();
}
