namespace HeteroAgents.Contracts.Tests.Grounding;

public sealed class NumberReaderTests
{
    [Theory]
    [InlineData("Total: €120.00", 120)]
    [InlineData("1,234.50 USD", 1234.5)]
    [InlineData("1.234,50 EUR", 1234.5)]
    [InlineData("1234.5", 1234.5)]
    [InlineData("CHF 1'234.50", 1234.5)]
    [InlineData("12,5 kg", 12.5)]
    [InlineData("1,234,567 units", 1234567)]
    [InlineData("1.234.567 Stück", 1234567)]
    [InlineData("a 15% discount", 15)]
    [InlineData("a 15% discount", 0.15)]
    [InlineData("revenue of $1.2M", 1_200_000)]
    [InlineData("revenue of $1.2M", 1.2)]
    [InlineData("3 bn", 3e9)]
    [InlineData("order A-1234", 1234)]
    [InlineData("007", 7)]
    public void A_number_is_read_under_every_convention(string text, double expected)
    {
        var values = NumberReader.Find(text).SelectMany(m => m.Values);

        Assert.Contains(values, v => NumberReader.Same(v, expected));
    }

    [Fact]
    public void One_separator_before_three_digits_reads_both_ways()
    {
        var mention = Assert.Single(NumberReader.Find("1,234"));

        Assert.Equal([1.234, 1234], mention.Values.Order());
    }

    [Fact]
    public void A_separator_before_other_digit_counts_is_a_decimal_mark()
    {
        Assert.Equal([120.0], Assert.Single(NumberReader.Find("120.00")).Values);
        Assert.Equal([0.5], Assert.Single(NumberReader.Find("0,5")).Values);
    }

    [Theory]
    [InlineData("05.03.2024", new[] { 5.0, 3, 2024 })]
    [InlineData("version 1.2.3", new[] { 1.0, 2, 3 })]
    [InlineData("2024-03-05", new[] { 2024.0, 3, 5 })]
    [InlineData("14:30", new[] { 14.0, 30 })]
    public void Repeated_separators_between_groups_other_than_three_digits_give_separate_integers(string text, double[] expected) =>
        Assert.Equal(expected, NumberReader.Find(text).SelectMany(m => m.Values));

    [Fact]
    public void A_sentence_comma_or_full_stop_does_not_join_numbers()
    {
        Assert.Equal([3.0, 4, 5], NumberReader.Find("I bought 3, 4 and 5.").SelectMany(m => m.Values));
    }

    [Fact]
    public void Number_words_are_read_only_when_asked()
    {
        Assert.Empty(NumberReader.Find("two weeks and twenty-five days, a dozen eggs"));

        var words = NumberReader.Find("two weeks and twenty-five days, a dozen eggs", includeWords: true);

        Assert.Equal([2.0, 25, 12], words.SelectMany(m => m.Values));
        Assert.Equal(["two", "twenty-five", "dozen"], words.Select(m => m.Text));
    }

    [Theory]
    [InlineData("€120.00", 120)]
    [InlineData("120 EUR", 120)]
    [InlineData(" -5 ", 5)]
    [InlineData("15 %", 0.15)]
    [InlineData("USD 1,234.50", 1234.5)]
    [InlineData("1.5k", 1500)]
    public void A_value_that_is_only_a_number_is_read_whole(string value, double expected)
    {
        Assert.True(NumberReader.TryReadWhole(value, out var mention));
        Assert.Contains(mention.Values, v => NumberReader.Same(v, expected));
    }

    [Theory]
    [InlineData("order 12")]
    [InlineData("12 and 13")]
    [InlineData("A-1234")]
    [InlineData("")]
    [InlineData("12.")]
    public void A_value_with_other_words_is_not_a_number(string value) =>
        Assert.False(NumberReader.TryReadWhole(value, out _));
}
