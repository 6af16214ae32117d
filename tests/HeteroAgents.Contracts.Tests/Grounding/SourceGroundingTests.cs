namespace HeteroAgents.Contracts.Tests.Grounding;

public sealed class SourceGroundingTests
{
    private static readonly SourceGrounding Invoice = new(
        "Invoice INV-88 from Acme GmbH: 3 x espresso machine, total €1.234,50 incl. 19% VAT, paid on 5 March 2024 at 2:30 pm. Shipping €120.00.");

    [Theory]
    [InlineData(1234.5)]
    [InlineData(120)]
    [InlineData(3)]
    [InlineData(19)]
    [InlineData(0.19)]
    [InlineData(-120)] // the sign is not evidence either way
    public void Numbers_of_the_source_are_grounded_under_normalization(double value) =>
        Assert.Null(Invoice.CheckNumber(value));

    [Theory]
    [InlineData(1234)]
    [InlineData(130)]
    [InlineData(-1600019325105)]
    public void Numbers_absent_from_the_source_are_not_and_the_miss_lists_the_sources_numbers(double value)
    {
        var miss = Invoice.CheckNumber(value);

        Assert.NotNull(miss);
        Assert.Equal(GroundingKind.Number, miss.Kind);
        Assert.Contains("the source's numbers: 88, 3, 1.234,50, 19%", miss.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("espresso machine")]
    [InlineData("ACME gmbh")]
    [InlineData("€120.00")]
    [InlineData("120")]
    [InlineData("1234.50")] // wholly a number: compared as one
    [InlineData("1,234.50 EUR")]
    [InlineData("EUR 120")]
    [InlineData("2024-03-05")] // wholly a date: compared as one
    [InlineData("03/05/2024")]
    [InlineData("2024-03-05T14:30:00Z")]
    [InlineData("2024-03-05T00:00:00")] // midnight is filler, not a claim
    [InlineData("14:30")]
    [InlineData("")]
    public void Strings_found_as_text_number_or_date_are_grounded(string value) =>
        Assert.Null(Invoice.CheckString(value));

    [Theory]
    [InlineData("INV-89", GroundingKind.Text, "does not appear in the source text")]
    [InlineData("130.00 EUR", GroundingKind.Number, "nor as a number (the source's numbers:")]
    [InlineData("2024-03-06", GroundingKind.Date, "is not one of the source's dates (the source's dates: 5 March 2024)")]
    [InlineData("2024-03-05T16:00:00Z", GroundingKind.Date, "has a time that is not one of the source's (the source's times: 2:30 pm")]
    [InlineData("09:15", GroundingKind.Date, "is not one of the source's times")]
    public void Strings_absent_from_the_source_are_not_and_the_miss_says_how_they_were_compared(string value, GroundingKind kind, string explanation)
    {
        var miss = Invoice.CheckString(value);

        Assert.NotNull(miss);
        Assert.Equal(kind, miss.Kind);
        Assert.Contains(explanation, miss.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_string_the_schema_says_is_a_date_must_name_a_source_date()
    {
        Assert.Null(Invoice.CheckString("March 5th, 2024", dateExpected: true));
        Assert.Equal(GroundingKind.Date, Invoice.CheckString("next Tuesday", dateExpected: true)?.Kind);
    }

    [Fact]
    public void A_date_without_a_year_in_the_source_matches_that_day_in_any_year()
    {
        var source = new SourceGrounding("Delivery expected on March 5.");

        Assert.Null(source.CheckString("2024-03-05"));
        Assert.Null(source.CheckString("2031-03-05"));
        Assert.NotNull(source.CheckString("2024-05-03"));
    }

    [Fact]
    public void Misses_name_the_request_for_a_tool_call()
    {
        var request = new SourceGrounding("Cancel order 4711", "request");

        Assert.Equal("does not appear in the request", request.CheckString("A-1")?.Explanation);
        Assert.Contains("among the request's numbers (the request's numbers: 4711)", request.CheckNumber(4712)?.Explanation, StringComparison.Ordinal);
        Assert.Contains("the request has no dates", request.CheckString("2024-01-01")?.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Number_words_of_the_source_ground_digits()
    {
        var source = new SourceGrounding("Please send two boxes and a dozen pens.");

        Assert.Null(source.CheckNumber(2));
        Assert.Null(source.CheckNumber(12));
        Assert.NotNull(source.CheckNumber(3));
    }
}
