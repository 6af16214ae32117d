using HeteroAgents.Flywheel;

namespace HeteroAgents.Flywheel.Tests.Scrub.People;

/// <summary>Cases for <see cref="DatesOfBirth"/> (examples written for these tests): date forms, birth words, glue, and dates that must survive.</summary>
public sealed class DatesOfBirthTests
{
    private static readonly PiiScrubber Scrubber = new(new PiiScrubberOptions { Types = [PiiType.DateOfBirth] });

    private static IEnumerable<string> Dates(string text) => Scrubber.Find(text).Select(f => f.Value);

    [Theory]
    [InlineData("Date of birth: 04/11/1983", "04/11/1983")]
    [InlineData("DOB 1977-08-30, verified.", "1977-08-30")]
    [InlineData("I was born on 9 February 1990.", "9 February 1990")]
    [InlineData("born November 2nd, 1964", "November 2nd, 1964")]
    [InlineData("My birthday is the 1st of May 2001.", "1st of May 2001")]
    [InlineData("Birth date 15-Jun-1959", "15-Jun-1959")]
    [InlineData("the customer gave his date of birth as 3/4/71", "3/4/71")]
    public void English_birth_words_and_date_forms(string text, string date) => Assert.Equal([date], Dates(text));

    [Theory]
    [InlineData("Geburtsdatum: 21.03.1972", "21.03.1972")]
    [InlineData("Ich bin am 02.09.1988 geboren.", "02.09.1988")]
    [InlineData("Née le 14 juillet 1961 à Lyon.", "14 juillet 1961")]
    [InlineData("Fecha de nacimiento: 5 de marzo de 1993", "5 de marzo de 1993")]
    [InlineData("Data di nascita 12/10/1980", "12/10/1980")]
    [InlineData("Data urodzenia: 1995-01-23", "1995-01-23")]
    [InlineData("Дата рождения: 30.12.1969", "30.12.1969")]
    [InlineData("生年月日：1992年7月8日", "1992年7月8日")]
    [InlineData("생년월일: 1987년 11월 2일", "1987년 11월 2일")]
    [InlineData("nar. 7. 6. 1979", "7. 6. 1979")]
    public void Birth_words_in_other_languages(string text, string date) => Assert.Equal([date], Dates(text));

    [Theory]
    [InlineData("My birthday coupon expired on 30 June 2024.")]
    [InlineData("Born to Run (released 25 August 1975) arrived warped.")]
    [InlineData("Date of purchase: 17/01/2024")]
    [InlineData("Date of issue: 01.03.2022")]
    [InlineData("We celebrate our birthday on 12 October with a sale.")]
    [InlineData("Our company was born in 1998.")]
    [InlineData("Invoice dated 14.02.2024, order from 12 March 2024.")]
    public void Other_dates_survive(string text) => Assert.Empty(Dates(text));
}
