namespace HeteroAgents.Contracts.Tests.Validation;

public sealed class SourceTextMatcherTests
{
    [Theory]
    [InlineData("  Hello\t\tWORLD \n", "hello world")]
    [InlineData("ＡＢＣ１２３", "abc123")] // full-width forms fold to ASCII
    [InlineData("\u201CIt\u2019s A\u20131\u201D", "\"it's a-1\"")] // typographic quotes and dashes fold
    [InlineData("a\u00A0b", "a b")] // no-break space is whitespace
    public void Normalize_folds_case_width_and_whitespace(string input, string expected) =>
        Assert.Equal(expected, SourceTextMatcher.Normalize(input));

    [Fact]
    public void Contains_matches_substrings_after_normalization_only()
    {
        var matcher = new SourceTextMatcher("Invoice  INV-0042\nDue: 2024-05-01");

        Assert.True(matcher.Contains("inv-0042 due"));
        Assert.True(matcher.Contains("ＩＮＶ-0042"));
        Assert.False(matcher.Contains("INV0042"));
        Assert.False(matcher.Contains("INV-0043"));
    }
}
