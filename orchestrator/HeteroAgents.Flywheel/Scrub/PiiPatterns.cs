using System.Text.RegularExpressions;

namespace HeteroAgents.Flywheel;

/// <summary>Candidate patterns; every candidate is checked further by <see cref="PiiScrubber"/> before it counts.</summary>
internal static partial class PiiPatterns
{
    [GeneratedRegex(@"(?<![\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![\w-])", RegexOptions.CultureInvariant)]
    public static partial Regex Email();

    // Obfuscated addresses: "name[at]example.com", "name (at) example (dot) com", "name dot surname at example dot com".
    [GeneratedRegex(@"(?<![\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63} ?[\[(]at[\])] ?(?:[A-Za-z0-9-]+(?:\.| ?[\[(]dot[\])] ?))+[A-Za-z]{2,24}(?![\w-])|\b[A-Za-z0-9_-]+(?: dot [A-Za-z0-9_-]+)* at [A-Za-z0-9-]+(?: dot [A-Za-z0-9-]+)* dot (?:com|net|org|edu|gov|io|co|uk|de|fr|es|it|nl|be|ch|at|se|no|dk|fi|pl|pt|ie|eu|ca|au|jp|cn|in|br|info|biz|me)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    public static partial Regex ObfuscatedEmail();

    // 13-19 digits, optionally grouped by single spaces or dashes; not the tail of a longer run of digit groups.
    // Not after '+': "+49 151 7553 0455" is a phone number.
    [GeneratedRegex(@"(?<![\w+-]|\d[ -])\d(?:[ -]?\d){12,18}(?![\w]|-\d)", RegexOptions.CultureInvariant)]
    public static partial Regex Card();

    // Country code, check digits, then 11-30 letters/digits, optionally in groups separated by spaces or dashes.
    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?:[ -]?[A-Za-z0-9]){11,30}", RegexOptions.CultureInvariant)]
    public static partial Regex Iban();

    [GeneratedRegex(@"(?<![\w-])(?!000|666|9\d\d)\d{3}([- ])(?!00)\d{2}\1(?!0000)\d{4}(?![\w-])", RegexOptions.CultureInvariant)]
    public static partial Regex UsSsn();

    [GeneratedRegex(@"(?<![A-Za-z0-9])(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![A-Za-z0-9])", RegexOptions.CultureInvariant)]
    public static partial Regex UkNino();

    [GeneratedRegex(@"(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?!\w|\.\d)", RegexOptions.CultureInvariant)]
    public static partial Regex IPv4();

    [GeneratedRegex(@"(?<![\w:.])(?:[0-9A-Fa-f]{1,4}:|:)(?:[0-9A-Fa-f]{0,4}:){1,7}[0-9A-Fa-f]{0,4}(?![\w:])", RegexOptions.CultureInvariant)]
    public static partial Regex IPv6();

    // +CC then digits grouped by spaces, dots, dashes or one parenthesised area code.
    [GeneratedRegex(@"(?<![\w+])\+\d{1,3}(?:[ .-]?\(\d{1,4}\))?(?:[ .-]?\d{1,5}){1,6}(?![\w])", RegexOptions.CultureInvariant)]
    public static partial Regex InternationalPhone();

    // The national forms must not be part of a longer run of digit groups (card, account or reference numbers) or follow '#'.
    // North American: (415) 555-0132, 415-555-0132, 415.555.0132, 1-800-555-0199.
    [GeneratedRegex(@"(?<![\w#-]|\d[ .-])(?:\+?1[ .-])?(?:\([2-9]\d{2}\) ?|[2-9]\d{2}([-. ]))[2-9]\d{2}[-. ]\d{4}(?![\w-]|\.\d)", RegexOptions.CultureInvariant)]
    public static partial Regex NorthAmericanPhone();

    // UK and continental trunk-prefix forms: 020 7946 0958, 07700 900123, 030 12345678, 01 42 68 53 00, 0171-2345678,
    // 0172/5551234, 06-12345678, and a parenthesised trunk code: (02) 9876 5432.
    [GeneratedRegex(@"(?<![\w#-]|\d[ .-])(?:0[1-9]\d{0,3}[ /-]?\d{3,4}[ -]?\d{3,4}|\(0\d{1,4}\) ?\d{3,4}[ -]?\d{3,4}|0[1-9](?:[ .]\d{2}){4})(?![\w-]|[ .]\d)", RegexOptions.CultureInvariant)]
    public static partial Regex NationalPhone();

    // "version 1.2.3.4", "v1.2.3.4", and "AssemblyVersion(\"2.0.0.0\")".
    [GeneratedRegex(@"(?:(?:\b(?:ver|release|build|firmware|fw|v)|version)\.?\s*[(""'=:]*\s*)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    public static partial Regex VersionContext();

    // A bare ten-digit North American number counts only right after a phone word: "his cell is 2125550199".
    [GeneratedRegex(@"(?<![\w#+-])[2-9]\d{2}[2-9]\d{6}(?![\w-])", RegexOptions.CultureInvariant)]
    public static partial Regex BareNorthAmericanPhone();

    [GeneratedRegex(@"\b(?:phone|telephone|tel|cell|mobile|call|fax|whatsapp|text|sms)\b\W*(?:(?:number|no|is|me|at|on)\b\W*)*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    public static partial Regex PhoneContext();
}
