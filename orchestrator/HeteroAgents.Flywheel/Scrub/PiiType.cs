namespace HeteroAgents.Flywheel;

/// <summary>The kinds of personal data <see cref="PiiScrubber"/> finds; each has a typed placeholder.</summary>
public enum PiiType
{
    /// <summary>An e-mail address (also obfuscated: <c>name[at]example.com</c>, <c>name at example dot com</c>), replaced by <c>&lt;EMAIL&gt;</c>.</summary>
    Email,

    /// <summary>A phone number (international <c>+CC</c> form, or a common national form), replaced by <c>&lt;PHONE&gt;</c>.</summary>
    Phone,

    /// <summary>A payment card number (13–19 digits, issuer prefix, Luhn checksum), replaced by <c>&lt;CARD&gt;</c>.</summary>
    Card,

    /// <summary>An IBAN (country length and mod-97 checksum), replaced by <c>&lt;IBAN&gt;</c>.</summary>
    Iban,

    /// <summary>An IPv4 or IPv6 address, replaced by <c>&lt;IP&gt;</c>.</summary>
    Ip,

    /// <summary>A national identifier (US SSN, UK NINO, Canadian SIN, Spanish DNI/NIE, Swedish personnummer, French NIR, Dutch BSN, Indian PAN), replaced by <c>&lt;NATIONAL_ID&gt;</c>.</summary>
    NationalId,

    /// <summary>A user-supplied term (names, customer ids, project code names), replaced by <c>&lt;TERM&gt;</c>.</summary>
    Term,

    /// <summary>A person's name (from context and name lists, see <see cref="PersonNames"/>), replaced by <c>&lt;NAME&gt;</c>.</summary>
    Name,

    /// <summary>A postal address (street line, postcode with town, see <see cref="PostalAddresses"/>), replaced by <c>&lt;ADDRESS&gt;</c>.</summary>
    Address,

    /// <summary>A date of birth (a date after a birth word, see <see cref="DatesOfBirth"/>), replaced by <c>&lt;DOB&gt;</c>.</summary>
    DateOfBirth,
}
