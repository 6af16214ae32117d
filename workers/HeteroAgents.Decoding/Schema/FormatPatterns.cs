namespace HeteroAgents.Decoding.Schema;

/// <summary>
/// Regular expressions (ECMAScript subset) for the <c>format</c> values the compiler asserts, written from their RFCs.
/// Where a format is not regular (IDNA labels, leap seconds under a time offset), the rule is narrower than the format
/// (it may refuse a valid value, never accept an invalid one).
/// </summary>
internal static class FormatPatterns
{
    // Calendar-exact: month lengths, and 29 February only in leap years (divisible by 4, centuries by 400).
    private const string Date = @"(\d{4}-(0[13578]|1[02])-(0[1-9]|[12]\d|3[01])|\d{4}-(0[469]|11)-(0[1-9]|[12]\d|30)|\d{4}-02-(0[1-9]|1\d|2[0-8])|(\d\d(0[48]|[2468][048]|[13579][26])|([02468][048]|[13579][26])00)-02-29)";

    // RFC 3339; a leap second (:60) only at 23:59 UTC written without an offset (narrower than the RFC).
    private const string Time = @"(([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)|23:59:60(\.\d+)?([Zz]|[+-]00:00))";
    private const string Label = @"[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private const string Octet = @"(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)";
    private const string Ipv4 = $@"{Octet}(\.{Octet}){{3}}";
    private const string H16 = "[0-9A-Fa-f]{1,4}";
    private const string Ls32 = $"(?:{H16}:{H16}|{Ipv4})";
    private const string Ipv6 =
        $"(?:(?:{H16}:){{6}}{Ls32}|::(?:{H16}:){{5}}{Ls32}|(?:{H16})?::(?:{H16}:){{4}}{Ls32}|(?:(?:{H16}:){{0,1}}{H16})?::(?:{H16}:){{3}}{Ls32}"
        + $"|(?:(?:{H16}:){{0,2}}{H16})?::(?:{H16}:){{2}}{Ls32}|(?:(?:{H16}:){{0,3}}{H16})?::{H16}:{Ls32}|(?:(?:{H16}:){{0,4}}{H16})?::{Ls32}"
        + $"|(?:(?:{H16}:){{0,5}}{H16})?::{H16}|(?:(?:{H16}:){{0,6}}{H16})?::)";

    private const string Atext = @"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
    private const string Pct = "%[0-9A-Fa-f]{2}";

    // RFC 3987 ucschar (allowed in IRIs) and iprivate (allowed in IRI queries).
    private const string Ucs = "\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF\U00010000-\U0001FFFD\U00020000-\U0002FFFD\U00030000-\U0003FFFD\U00040000-\U0004FFFD\U00050000-\U0005FFFD\U00060000-\U0006FFFD\U00070000-\U0007FFFD\U00080000-\U0008FFFD\U00090000-\U0009FFFD\U000A0000-\U000AFFFD\U000B0000-\U000BFFFD\U000C0000-\U000CFFFD\U000D0000-\U000DFFFD\U000E1000-\U000EFFFD";
    private const string Private = "\uE000-\uF8FF\U000F0000-\U000FFFFD\U00100000-\U0010FFFD";

    /// <summary>Formats whose assertion this engine cannot express: compiling them fails rather than ignoring them.</summary>
    private static readonly HashSet<string> s_unsupported = new(StringComparer.Ordinal) { "idn-email", "idn-hostname", "regex" };

    /// <summary>
    /// Returns the rule for <paramref name="format"/>, null for formats that JSON Schema validators do not assert
    /// (unknown names are annotations), or throws for known formats this engine cannot express.
    /// </summary>
    public static FormatRule? For(string format, string pointer) => format switch
    {
        "date-time" => new($"^{Date}[Tt]{Time}$", []),
        "date" => new($"^{Date}$", []),
        "time" => new($"^{Time}$", []),
        "duration" => new(@"^P(?:(?:\d+D|\d+M(?:\d+D)?|\d+Y(?:\d+M(?:\d+D)?)?)(?:T(?:\d+H(?:\d+M(?:\d+S)?)?|\d+M(?:\d+S)?|\d+S))?|T(?:\d+H(?:\d+M(?:\d+S)?)?|\d+M(?:\d+S)?|\d+S)|\d+W)$", []),
        "uuid" => new("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", []),
        "email" => new($"^(?:{Atext}+(?:\\.{Atext}+)*|\"(?:[\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]|\\\\[\\x20-\\x7E])*\")@(?:{Label}(?:\\.{Label})*|\\[{Ipv4}\\]|\\[IPv6:{Ipv6}\\])$", []),

        // RFC 1123 labels; no label with "--" in its third and fourth characters (that covers IDNA A-labels,
        // whose validity is not regular: narrower than the format); at most 253 characters.
        "hostname" => new($"^{Label}(\\.{Label})*$", ["^[^.]{2}--", "\\.[^.]{2}--"], 253),
        "ipv4" => new($"^{Ipv4}$", []),
        "ipv6" => new($"^{Ipv6}$", []),
        "uri" => new($"^{Uri(Pchar(""), "")}$", []),
        "uri-reference" => new($"^(?:{Uri(Pchar(""), "")}|{RelativeRef(Pchar(""), "")})$", []),
        "iri" => new($"^{Uri(Pchar(Ucs), Private)}$", []),
        "iri-reference" => new($"^(?:{Uri(Pchar(Ucs), Private)}|{RelativeRef(Pchar(Ucs), Private)})$", []),
        "uri-template" => new(UriTemplate(), []),
        "json-pointer" => new("^(?:/(?:[^~/]|~[01])*)*$", []),
        "relative-json-pointer" => new("^(?:0|[1-9][0-9]*)(?:#|(?:/(?:[^~/]|~[01])*)*)$", []),
        _ when s_unsupported.Contains(format) =>
            throw new SchemaCompilationException("format", pointer, $"format '{format}' is not supported"),
        _ => null,
    };

    /// <summary>RFC 3986 pchar (RFC 3987 ipchar when <paramref name="ucs"/> holds the ucschar ranges).</summary>
    private static string Pchar(string ucs) => $"(?:[A-Za-z0-9\\-._~!$&'()*+,;=:@{ucs}]|{Pct})";

    /// <summary>RFC 3986 authority; the "v" of an IPvFuture literal is case-insensitive like every ABNF string.</summary>
    private static string Authority(string pchar)
    {
        var userinfo = pchar.Replace(":@", ":", StringComparison.Ordinal);
        var regName = pchar.Replace(":@", "", StringComparison.Ordinal);
        var ipLiteral = $"\\[(?:{Ipv6}|[vV][0-9A-Fa-f]+\\.[A-Za-z0-9\\-._~!$&'()*+,;=:]+)\\]";
        return $"(?:{userinfo}*@)?(?:{ipLiteral}|{Ipv4}|{regName}*)(?::[0-9]*)?";
    }

    /// <summary>An absolute URI (IRI): scheme ":" hier-part [ "?" query ] [ "#" fragment ].</summary>
    private static string Uri(string pchar, string privateChars)
    {
        var hier = $"(?://{Authority(pchar)}(?:/{pchar}*)*|/(?:{pchar}+(?:/{pchar}*)*)?|{pchar}+(?:/{pchar}*)*|)";
        return $"[A-Za-z][A-Za-z0-9+\\-.]*:{hier}{QueryAndFragment(pchar, privateChars)}";
    }

    /// <summary>A relative reference: relative-part [ "?" query ] [ "#" fragment ] (no colon in the first segment).</summary>
    private static string RelativeRef(string pchar, string privateChars)
    {
        var noColon = pchar.Replace(":@", "@", StringComparison.Ordinal);
        var part = $"(?://{Authority(pchar)}(?:/{pchar}*)*|/(?:{pchar}+(?:/{pchar}*)*)?|{noColon}+(?:/{pchar}*)*|)";
        return part + QueryAndFragment(pchar, privateChars);
    }

    private static string QueryAndFragment(string pchar, string privateChars)
    {
        var query = privateChars.Length == 0 ? $"(?:{pchar}|[/?])*" : $"(?:{pchar}|[/?{privateChars}])*";
        return $"(?:\\?{query})?(?:#(?:{pchar}|[/?])*)?";
    }

    /// <summary>
    /// RFC 6570 URI Template (level 4). Literals include the apostrophe (%x27), which the RFC's ranges skip but the
    /// JSON-Schema-Test-Suite requires (optional/format/uri-template: "an apostrophe in a literal is valid").
    /// </summary>
    private static string UriTemplate()
    {
        var literal = $"(?:[\\x21\\x23\\x24\\x26-\\x3B\\x3D\\x3F-\\x5B\\x5D\\x5F\\x61-\\x7A\\x7E{Ucs}{Private}]|{Pct})";
        var varchar = $"(?:[A-Za-z0-9_]|{Pct})";
        var varspec = $"{varchar}(?:\\.?{varchar})*(?::[1-9][0-9]{{0,3}}|\\*)?";
        return $"^(?:{literal}|\\{{[+#./;?&=,!@|]?{varspec}(?:,{varspec})*\\}})*$";
    }
}
