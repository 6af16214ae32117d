namespace HeteroAgents.Flywheel;

/// <summary>The checksums and structural checks that separate real identifiers from look-alike numbers.</summary>
internal static class PiiChecksums
{
    private static readonly Dictionary<string, int> IbanLengths = new(StringComparer.Ordinal)
    {
        ["AD"] = 24, ["AE"] = 23, ["AL"] = 28, ["AT"] = 20, ["AZ"] = 28, ["BA"] = 20, ["BE"] = 16, ["BG"] = 22, ["BH"] = 22,
        ["BR"] = 29, ["CH"] = 21, ["CR"] = 22, ["CY"] = 28, ["CZ"] = 24, ["DE"] = 22, ["DK"] = 18, ["DO"] = 28, ["EE"] = 20,
        ["EG"] = 29, ["ES"] = 24, ["FI"] = 18, ["FO"] = 18, ["FR"] = 27, ["GB"] = 22, ["GE"] = 22, ["GI"] = 23, ["GL"] = 18,
        ["GR"] = 27, ["GT"] = 28, ["HR"] = 21, ["HU"] = 28, ["IE"] = 22, ["IL"] = 23, ["IS"] = 26, ["IT"] = 27, ["JO"] = 30,
        ["KW"] = 30, ["KZ"] = 20, ["LB"] = 28, ["LI"] = 21, ["LT"] = 20, ["LU"] = 20, ["LV"] = 21, ["MC"] = 27, ["MD"] = 24,
        ["ME"] = 22, ["MK"] = 19, ["MR"] = 27, ["MT"] = 31, ["MU"] = 30, ["NL"] = 18, ["NO"] = 15, ["PK"] = 24, ["PL"] = 28,
        ["PS"] = 29, ["PT"] = 25, ["QA"] = 29, ["RO"] = 24, ["RS"] = 22, ["SA"] = 24, ["SE"] = 24, ["SI"] = 19, ["SK"] = 24,
        ["SM"] = 27, ["TN"] = 24, ["TR"] = 26, ["UA"] = 29, ["VG"] = 24, ["XK"] = 20,
    };

    /// <summary>Whether <paramref name="digits"/> (digits only) passes the Luhn check.</summary>
    public static bool Luhn(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (d is < 0 or > 9)
            {
                return false;
            }

            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }

    /// <summary>Whether a 13–19 digit number starts like a card of a major scheme (Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay, Maestro).</summary>
    public static bool CardPrefix(ReadOnlySpan<char> digits)
    {
        if (digits.Length is < 13 or > 19)
        {
            return false;
        }

        var two = (digits[0] - '0') * 10 + (digits[1] - '0');
        var four = int.Parse(digits[..4], provider: System.Globalization.CultureInfo.InvariantCulture);
        return digits[0] == '4'
            || two is >= 51 and <= 55 || four is >= 2221 and <= 2720
            || two is 34 or 37
            || four == 6011 || two == 65 || four / 10 is >= 644 and <= 649
            || four is >= 3528 and <= 3589
            || two is 36 or 38 || four / 10 is >= 300 and <= 305
            || two == 62
            || two is 50 or 56 or 57 or 58 or 67;
    }

    /// <summary>The IBAN length of a country code, or 0 when the country has no IBAN.</summary>
    public static int IbanLength(string country) => IbanLengths.GetValueOrDefault(country);

    /// <summary>Whether <paramref name="iban"/> (upper-case letters and digits, no spaces) passes the ISO 13616 mod-97 check.</summary>
    public static bool IbanMod97(ReadOnlySpan<char> iban)
    {
        if (iban.Length < 5)
        {
            return false;
        }

        var remainder = 0;
        for (var i = 0; i < iban.Length; i++)
        {
            var c = iban[(i + 4) % iban.Length];
            if (char.IsAsciiDigit(c))
            {
                remainder = (remainder * 10 + (c - '0')) % 97;
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            }
            else
            {
                return false;
            }
        }

        return remainder == 1;
    }
}
