using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace HeteroAgents.Flywheel;

/// <summary>
/// Finds personal data in text and replaces it with typed placeholders (conversion-loop step S2): e-mail
/// addresses (also obfuscated ones), phone numbers, payment card numbers (Luhn-checked), IBANs (mod-97), IPv4/IPv6
/// addresses, national identifiers (US SSN, UK NINO, and the forms of <see cref="NationalIds"/>), user-supplied terms,
/// dates of birth (<see cref="DatesOfBirth"/>), postal addresses (<see cref="PostalAddresses"/>) and person names
/// (<see cref="PersonNames"/>). Candidates are pattern matches that pass each type's checks; where candidates overlap,
/// the higher-priority type wins (e-mail, IBAN, card, national id, IP, phone, term, date of birth, address, name).
/// Thread-safe.
/// </summary>
public sealed class PiiScrubber
{
    private static readonly PiiType[] Priority =
        [PiiType.Email, PiiType.Iban, PiiType.Card, PiiType.NationalId, PiiType.Ip, PiiType.Phone, PiiType.Term, PiiType.DateOfBirth, PiiType.Address, PiiType.Name];

    // File extensions that follow '@' in asset names ("icon@2x.png") and are not top-level domains.
    private static readonly HashSet<string> FileExtensions = new(StringComparer.OrdinalIgnoreCase) { "png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "ico", "tif", "tiff", "heic", "avif" };
    private readonly HashSet<PiiType> _types;
    private readonly Regex? _terms;
    private readonly bool _skipVersions;

    /// <summary>Creates a scrubber; reads <see cref="PiiScrubberOptions.TermFiles"/> now.</summary>
    public PiiScrubber(PiiScrubberOptions? options = null)
    {
        options ??= new PiiScrubberOptions();
        _types = options.Types.Count == 0 ? [.. Enum.GetValues<PiiType>()] : [.. options.Types];
        _skipVersions = options.SkipVersionLikeIPv4;
        var terms = options.AllTerms().Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(t => t.Length).ToList();
        if (terms.Count > 0)
        {
            _terms = new Regex(@"(?<!\w)(?:" + string.Join("|", terms.Select(Regex.Escape)) + @")(?!\w)",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));
        }
    }

    /// <summary>The placeholder of a type, e.g. <c>&lt;EMAIL&gt;</c>.</summary>
    public static string Placeholder(PiiType type) => type switch
    {
        PiiType.Email => "<EMAIL>",
        PiiType.Phone => "<PHONE>",
        PiiType.Card => "<CARD>",
        PiiType.Iban => "<IBAN>",
        PiiType.Ip => "<IP>",
        PiiType.NationalId => "<NATIONAL_ID>",
        PiiType.Term => "<TERM>",
        PiiType.Name => "<NAME>",
        PiiType.Address => "<ADDRESS>",
        PiiType.DateOfBirth => "<DOB>",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown PII type."),
    };

    /// <summary>Finds the personal data in <paramref name="text"/>: non-overlapping findings, in text order.</summary>
    public IReadOnlyList<PiiFinding> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var candidates = new List<PiiFinding>();
        if (_types.Contains(PiiType.Email))
        {
            Add(candidates, PiiType.Email, PiiPatterns.Email(), text, static v => !FileExtensions.Contains(v[(v.LastIndexOf('.') + 1)..]));
            Add(candidates, PiiType.Email, PiiPatterns.ObfuscatedEmail(), text, static _ => true);
        }

        if (_types.Contains(PiiType.Iban))
        {
            foreach (Match m in PiiPatterns.Iban().Matches(text))
            {
                if (CheckIban(text, m) is { } finding)
                {
                    candidates.Add(finding);
                }
            }
        }

        if (_types.Contains(PiiType.Card))
        {
            Add(candidates, PiiType.Card, PiiPatterns.Card(), text, static v =>
            {
                var digits = DigitsOf(v);
                return PiiChecksums.CardPrefix(digits) && PiiChecksums.Luhn(digits);
            });
        }

        if (_types.Contains(PiiType.NationalId))
        {
            Add(candidates, PiiType.NationalId, PiiPatterns.UsSsn(), text, static _ => true);
            Add(candidates, PiiType.NationalId, PiiPatterns.UkNino(), text, static _ => true);
            NationalIds.AddCandidates(candidates, text);
        }

        if (_types.Contains(PiiType.Ip))
        {
            foreach (Match m in PiiPatterns.IPv4().Matches(text))
            {
                if (!(_skipVersions && PiiPatterns.VersionContext().IsMatch(text.AsSpan(Math.Max(0, m.Index - 12), Math.Min(12, m.Index)))))
                {
                    candidates.Add(new PiiFinding(PiiType.Ip, m.Index, m.Length, m.Value));
                }
            }

            Add(candidates, PiiType.Ip, PiiPatterns.IPv6(), text, static v =>
                v.Count(char.IsAsciiHexDigit) >= 2 && IPAddress.TryParse(v, out var ip) && ip.AddressFamily == AddressFamily.InterNetworkV6);
        }

        if (_types.Contains(PiiType.Phone))
        {
            foreach (Match m in PiiPatterns.InternationalPhone().Matches(text))
            {
                if (TrimPhone(m.Value) is { } value)
                {
                    candidates.Add(new PiiFinding(PiiType.Phone, m.Index, value.Length, value));
                }
            }

            Add(candidates, PiiType.Phone, PiiPatterns.NorthAmericanPhone(), text, static _ => true);
            Add(candidates, PiiType.Phone, PiiPatterns.NationalPhone(), text, static v => DigitsOf(v).Length is >= 9 and <= 12);
            foreach (Match m in PiiPatterns.BareNorthAmericanPhone().Matches(text))
            {
                if (PiiPatterns.PhoneContext().IsMatch(text.AsSpan(Math.Max(0, m.Index - 30), Math.Min(30, m.Index))))
                {
                    candidates.Add(new PiiFinding(PiiType.Phone, m.Index, m.Length, m.Value));
                }
            }
        }

        if (_terms is not null && _types.Contains(PiiType.Term))
        {
            Add(candidates, PiiType.Term, _terms, text, static _ => true);
        }

        if (_types.Contains(PiiType.DateOfBirth))
        {
            DatesOfBirth.AddCandidates(candidates, text);
        }

        if (_types.Contains(PiiType.Address))
        {
            PostalAddresses.AddCandidates(candidates, text);
        }

        if (_types.Contains(PiiType.Name))
        {
            PersonNames.AddCandidates(candidates, text);
        }

        return Resolve(candidates);
    }

    /// <summary>Replaces the personal data in <paramref name="text"/> with placeholders.</summary>
    public string Scrub(string text) => Scrub(text, out _);

    /// <summary>Replaces the personal data in <paramref name="text"/> with placeholders and returns what was replaced.</summary>
    public string Scrub(string text, out IReadOnlyList<PiiFinding> findings)
    {
        findings = Find(text);
        if (findings.Count == 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var at = 0;
        foreach (var f in findings)
        {
            builder.Append(text, at, f.Start - at).Append(Placeholder(f.Type));
            at = f.End;
        }

        return builder.Append(text, at, text.Length - at).ToString();
    }

    private static void Add(List<PiiFinding> into, PiiType type, Regex regex, string text, Func<string, bool> check)
    {
        foreach (Match m in regex.Matches(text))
        {
            if (check(m.Value))
            {
                into.Add(new PiiFinding(type, m.Index, m.Length, m.Value));
            }
        }
    }

    private static List<PiiFinding> Resolve(List<PiiFinding> candidates)
    {
        var accepted = new List<PiiFinding>();
        foreach (var c in candidates.OrderBy(c => Array.IndexOf(Priority, c.Type)).ThenBy(c => c.Start).ThenByDescending(c => c.Length))
        {
            if (!accepted.Any(a => a.Start < c.End && c.Start < a.End))
            {
                accepted.Add(c);
            }
        }

        accepted.Sort((a, b) => a.Start.CompareTo(b.Start));
        return accepted;
    }

    private static PiiFinding? CheckIban(string text, Match m)
    {
        var country = m.Value[..2].ToUpperInvariant();
        var length = PiiChecksums.IbanLength(country);
        if (length == 0)
        {
            return null;
        }

        // Walk the match until the country's IBAN length is reached; the IBAN must end there.
        var compact = new StringBuilder(length);
        var end = m.Index;
        while (end < m.Index + m.Length && compact.Length < length)
        {
            var c = text[end++];
            if (c is not (' ' or '-'))
            {
                compact.Append(char.ToUpperInvariant(c));
            }
        }

        if (compact.Length < length || (end < text.Length && char.IsAsciiLetterOrDigit(text[end])))
        {
            return null;
        }

        var iban = compact.ToString();
        return PiiChecksums.IbanMod97(iban) ? new PiiFinding(PiiType.Iban, m.Index, end - m.Index, text[m.Index..end]) : null;
    }

    private static string? TrimPhone(string value)
    {
        // A greedy match may run into a following number: drop trailing groups until the digit count fits E.164.
        while (true)
        {
            var digits = DigitsOf(value).Length;
            if (digits is >= 8 and <= 15)
            {
                return value;
            }

            var cut = value.LastIndexOfAny([' ', '.', '-']);
            if (digits < 8 || cut <= 1)
            {
                return null;
            }

            value = value[..cut];
        }
    }

    private static string DigitsOf(string value) => string.Concat(value.Where(char.IsAsciiDigit));
}
