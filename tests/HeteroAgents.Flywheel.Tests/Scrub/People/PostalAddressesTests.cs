using HeteroAgents.Flywheel;

namespace HeteroAgents.Flywheel.Tests.Scrub.People;

/// <summary>One case per address rule of <see cref="PostalAddresses"/> (examples written for these tests), and look-alikes that must survive.</summary>
public sealed class PostalAddressesTests
{
    private static readonly PiiScrubber Scrubber = new(new PiiScrubberOptions { Types = [PiiType.Address] });

    private static IEnumerable<string> Addresses(string text) => Scrubber.Find(text).Select(f => f.Value);

    [Theory]
    [InlineData("Send it to 2210 Walnut Street, Apt 4C, Austin, TX 78705 please.", "2210 Walnut Street, Apt 4C, Austin, TX 78705")]
    [InlineData("I live at 9 Meadow Close now.", "9 Meadow Close")]
    [InlineData("Deliver to PO Box 118, Boise, ID 83701.", "PO Box 118, Boise, ID 83701")]
    [InlineData("Old address: 77 Queen St W, Toronto, ON M5H 2N2", "77 Queen St W, Toronto, ON M5H 2N2")]
    [InlineData("Unit 3, 12 Ocean Parade, Manly NSW 2095 is mine.", "Unit 3, 12 Ocean Parade, Manly NSW 2095")]
    public void North_American_and_Australian_forms(string text, string address) => Assert.Equal([address], Addresses(text));

    [Theory]
    [InlineData("Flat 5, 31 Elm Grove, Sheffield S10 1QA", "Flat 5, 31 Elm Grove, Sheffield S10 1QA")]
    [InlineData("Return to Rose Cottage, Mill Road, Ashby, LE65 2AB.", "Rose Cottage, Mill Road, Ashby, LE65 2AB")]
    [InlineData("Do you deliver to EH3 9DR Edinburgh?", "EH3 9DR Edinburgh")]
    [InlineData("My address is 4 Harcourt Road, Dublin 2, D02 HW77.", "4 Harcourt Road, Dublin 2, D02 HW77")]
    public void British_and_Irish_forms(string text, string address) => Assert.Equal([address], Addresses(text));

    [Theory]
    [InlineData("Lieferadresse: Ahornweg 12b, 53111 Bonn", "Ahornweg 12b, 53111 Bonn")]
    [InlineData("Neue Anschrift: Grazer Straße 8/3, 8045 Graz.", "Grazer Straße 8/3, 8045 Graz")]
    [InlineData("Bitte an Im Winkel 4, 88131 Lindau senden.", "Im Winkel 4, 88131 Lindau")]
    [InlineData("Adres: Prinsenstraat 19-1, 1015 DC Amsterdam", "Prinsenstraat 19-1, 1015 DC Amsterdam")]
    [InlineData("Adress: Sveavägen 44, 113 50 Stockholm", "Sveavägen 44, 113 50 Stockholm")]
    [InlineData("Adresse: Vesterbrogade 31, 1. tv., 1620 København V", "Vesterbrogade 31, 1. tv., 1620 København V")]
    public void Name_then_number_forms(string text, string address) => Assert.Equal([address], Addresses(text));

    [Theory]
    [InlineData("Indirizzo: Via dei Mille 21, 80121 Napoli NA", "Via dei Mille 21, 80121 Napoli NA")]
    [InlineData("Dirección: Calle Serrano 41, 4º dcha, 28001 Madrid", "Calle Serrano 41, 4º dcha, 28001 Madrid")]
    [InlineData("Morada: Rua de Santa Catarina 112, 4000-442 Porto", "Rua de Santa Catarina 112, 4000-442 Porto")]
    [InlineData("Adres: ul. Piotrkowska 120, 90-006 Łódź", "ul. Piotrkowska 120, 90-006 Łódź")]
    [InlineData("Adresse : 17 rue de la République, 13002 Marseille", "17 rue de la République, 13002 Marseille")]
    public void Street_word_first_and_French_forms(string text, string address) => Assert.Equal([address], Addresses(text));

    [Theory]
    [InlineData("Адрес: ул. Гагарина, д. 7, кв. 12, Новосибирск, 630099", "ул. Гагарина, д. 7, кв. 12, Новосибирск, 630099")]
    [InlineData("Adresa: Karlova 14, 110 00 Praha 1", "Karlova 14, 110 00 Praha 1")]
    [InlineData("住所：〒530-0001 大阪府大阪市北区梅田1-1-3", "〒530-0001 大阪府大阪市北区梅田1-1-3")]
    [InlineData("地址：广州市天河区天河路208号", "广州市天河区天河路208号")]
    [InlineData("주소: 서울특별시 종로구 세종대로 172", "서울특별시 종로구 세종대로 172")]
    public void Cyrillic_Czech_and_East_Asian_forms(string text, string address) => Assert.Equal([address], Addresses(text));

    [Theory]
    [InlineData("Liefern Sie nach 20095 Hamburg?", "20095 Hamburg")]
    [InlineData("We're in 3011 Bern for the summer.", "3011 Bern")]
    public void A_postcode_with_its_town_is_an_address(string text, string address) => Assert.Equal([address], Addresses(text));

    [Theory]
    [InlineData("Error code 75011 when syncing.")]
    [InlineData("Version 10115 of the app crashes.")]
    [InlineData("I ordered 250 Hamburg mugs and 3 Paris skillets.")]
    [InlineData("Our 221B Baker Street puzzle is missing pieces.")]
    [InlineData("I ordered 2 Camden Road 40 planters.")]
    [InlineData("Model ST-300 Street and ST-400 Avenue share a charger.")]
    [InlineData("Highway 101 traffic delayed the truck; Gate 12, Terminal 2 was closed.")]
    [InlineData("The Broadway 12 sofa bed and the Avenue 3 Pro lamp are out of stock.")]
    [InlineData("Our flagship store on Oxford Street has it.")]
    [InlineData("Die Lieferung vom 07.05.2024 kam in 2024 Teilen.")]
    [InlineData("I'm travelling to Vienna next week.")]
    [InlineData("Магазин на Невском проспекте закрыт.")]
    [InlineData("北京仓库今天停电。")]
    public void Look_alikes_are_not_addresses(string text) => Assert.Empty(Addresses(text));

    [Fact]
    public void A_date_before_an_address_stays_out_of_it()
    {
        var findings = new PiiScrubber().Find("New customer, DOB 1991-05-17, 8 Park Lane, Leeds LS1 4AB.");
        Assert.Equal([(PiiType.DateOfBirth, "1991-05-17"), (PiiType.Address, "8 Park Lane, Leeds LS1 4AB")], findings.Select(f => (f.Type, f.Value)));
    }
}
