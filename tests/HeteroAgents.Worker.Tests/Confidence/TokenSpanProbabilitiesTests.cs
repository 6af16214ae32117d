using HeteroAgents.Inference;
using HeteroAgents.Worker.Confidence;

namespace HeteroAgents.Worker.Tests.Confidence;

public sealed class TokenSpanProbabilitiesTests
{
    private static TokenLogProbability T(string text, double p) => new(text, Math.Log(p));

    [Fact]
    public void A_stretch_gets_the_probabilities_of_the_tokens_that_wrote_it()
    {
        // {"id":"A-17"} written as {"id":" | A- | 17 | "}
        var placed = TokenSpanProbabilities.Create("""{"id":"A-17"}""", [T("{\"id\":\"", 0.99), T("A-", 0.5), T("17", 0.8), T("\"}", 0.9)])!;

        // The value "A-17" (with its quotes) spans characters 6..12: all four tokens touch it.
        Assert.Equal(0.99 * 0.5 * 0.8 * 0.9, placed.Joint(6, 12), 9);
        Assert.Equal(0.5, placed.Weakest(6, 12), 9);
        Assert.Equal(Math.Pow(0.99 * 0.5 * 0.8 * 0.9, 0.25), placed.Mean(6, 12), 9);
        // The digits alone: one token.
        Assert.Equal(0.8, placed.Joint(9, 11), 9);
    }

    [Fact]
    public void A_token_that_wrote_nothing_belongs_with_the_next_character()
    {
        var placed = TokenSpanProbabilities.Create("ab", [T("a", 0.9), T(string.Empty, 0.5), T("b", 0.8)])!;

        Assert.Equal(0.9, placed.Joint(0, 1), 9);
        Assert.Equal(0.5 * 0.8, placed.Joint(1, 2), 9);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("a")]
    [InlineData("xbc")]
    public void Tokens_of_another_text_are_not_placed(string text) =>
        Assert.Null(TokenSpanProbabilities.Create(text, [T("a", 0.9), T("bc", 0.8), T("d", 0.7)]));
}
