using HeteroAgents.Flywheel;

namespace HeteroAgents.Flywheel.Tests.Scrub;

/// <summary>Formats and look-alikes the held-out corpus showed the scrubber getting wrong, one case each.</summary>
public sealed class PiiScrubberFormatTests
{
    private static readonly PiiScrubber Scrubber = new();

    private static PiiFinding Single(string text) => Assert.Single(Scrubber.Find(text));

    [Theory]
    [InlineData("Mobile +49 151 7553 0455 (WhatsApp works too).", "+49 151 7553 0455")] // 13 digits with a Visa-like start and a valid Luhn sum
    [InlineData("Fax: (02) 2138 1515", "(02) 2138 1515")]
    [InlineData("My new number is 06-89723320, the old one is disconnected", "06-89723320")]
    [InlineData("Mobil: 0172/5551234", "0172/5551234")]
    [InlineData("His cell is 2125550199, no dashes in the CRM.", "2125550199")]
    public void Phone_numbers_in_these_forms_are_found_whole(string text, string phone)
    {
        var finding = Single(text);
        Assert.Equal((PiiType.Phone, phone), (finding.Type, finding.Value));
    }

    [Theory]
    [InlineData("SSN: 163127064")]
    [InlineData("{\"ssn\":\"134545347\",\"state\":\"OH\"}")]
    [InlineData("My social security number is 801545122.")]
    [InlineData("SIN 201-329-950 on the T4 slip.")]
    [InlineData("My social insurance number is 169 521 069.")]
    [InlineData("DNI: 63013325H")]
    [InlineData("NIE X2692346N, residente en Valencia.")]
    [InlineData("Personnummer 871018-8924 saknas i ansökan.")]
    [InlineData("Numéro de sécurité sociale : 2 57 09 59 429 762 68")]
    [InlineData("BSN 921897534 staat niet in de administratie.")]
    [InlineData("PAN card ADPPR1020Z attached for KYC.")]
    public void National_identifiers_beyond_SSN_and_NINO_are_found(string text)
    {
        Assert.Equal(PiiType.NationalId, Single(text).Type);
    }

    [Theory]
    [InlineData("Email: sandra[at]kanzlei-weber.de", "sandra[at]kanzlei-weber.de")]
    [InlineData("write to peter dot novak at gmail dot com, the form rejects my address", "peter dot novak at gmail dot com")]
    [InlineData("IBAN: CH93-0076-2011-6238-5295-7", "CH93-0076-2011-6238-5295-7")]
    public void Obfuscated_addresses_and_dashed_IBANs_are_found(string text, string value)
    {
        Assert.Equal(value, Single(text).Value);
    }

    [Theory]
    [InlineData("Add icon@2x.png and icon@3x.png to the asset catalog.")]
    [InlineData("AssemblyVersion(\"2.0.0.0\") must match the NuGet package.")]
    [InlineData("Invoice 163127064 was paid.")] // nine digits that would pass as an SSN, without an SSN word before them
    [InlineData("Call center order 2125550199 shipped.")] // ten digits after a phone word that is not right before them
    [InlineData("BSN 921897535 staat niet in de administratie.")] // fails the 11-test
    [InlineData("DNI: 63013325J")] // wrong check letter
    [InlineData("Personnummer 871018-8925 saknas.")] // fails Luhn
    [InlineData("Numéro : 2 57 09 59 429 762 69")] // wrong NIR key
    [InlineData("Reference 20240315-0001-7781 and lot 240315-0001.")]
    [InlineData("Dates 12/05/2024 and 05/14/2024, pages 0172/5 and build 0123.")]
    public void Look_alikes_are_left_alone(string text)
    {
        Assert.Empty(Scrubber.Find(text));
    }
}
