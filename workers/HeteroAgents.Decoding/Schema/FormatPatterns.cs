namespace HeteroAgents.Decoding.Schema;

/// <summary>Regular expressions (ECMAScript subset) for the <c>format</c> values the compiler asserts.</summary>
internal static class FormatPatterns
{
    // Calendar-exact: month lengths, and 29 February only in leap years (divisible by 4, centuries by 400).
    private const string Date = @"(\d{4}-(0[13578]|1[02])-(0[1-9]|[12]\d|3[01])|\d{4}-(0[469]|11)-(0[1-9]|[12]\d|30)|\d{4}-02-(0[1-9]|1\d|2[0-8])|(\d\d(0[48]|[2468][048]|[13579][26])|([02468][048]|[13579][26])00)-02-29)";
    private const string Time = @"([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)";
    private const string UriChars = @"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]";
    private const string SegmentChars = @"[A-Za-z0-9\-._~\[\]@!$&'()*+,;=%]";
    private const string Label = @"[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private const string Octet = @"(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)";
    private const string Atext = @"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";

    /// <summary>Formats whose assertion this engine cannot express: compiling them fails rather than ignoring them.</summary>
    private static readonly HashSet<string> s_unsupported = new(StringComparer.Ordinal)
    {
        "ipv6", "duration", "idn-email", "idn-hostname", "iri", "iri-reference", "uri-template", "json-pointer",
        "relative-json-pointer", "regex",
    };

    /// <summary>
    /// Returns the pattern for <paramref name="format"/>, null for formats that JSON Schema validators do not assert
    /// (unknown names are annotations), or throws for known formats this engine cannot express.
    /// </summary>
    public static string? For(string format, string pointer) => format switch
    {
        "date-time" => $"^{Date}[Tt]{Time}$",
        "date" => $"^{Date}$",
        "time" => $"^{Time}$",
        "uuid" => "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
        "email" => $"^{Atext}+(\\.{Atext}+)*@{Label}(\\.{Label})*$",
        "hostname" => $"^{Label}(\\.{Label})*$",
        "ipv4" => $"^({Octet}\\.){{3}}{Octet}$",
        "uri" => $"^[A-Za-z][A-Za-z0-9+.-]*:{UriChars}*$",
        "uri-reference" => $"^(?:[A-Za-z][A-Za-z0-9+.-]*:{UriChars}*|{SegmentChars}*(?:[/?#]{UriChars}*)?)$",
        _ when s_unsupported.Contains(format) =>
            throw new SchemaCompilationException("format", pointer, $"format '{format}' is not supported"),
        _ => null,
    };
}
