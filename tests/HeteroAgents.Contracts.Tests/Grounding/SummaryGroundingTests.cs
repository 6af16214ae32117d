namespace HeteroAgents.Contracts.Tests.Grounding;

public sealed class SummaryGroundingTests
{
    private const string Source =
        "Hi, this is Maria Lopez. I ordered a blue kettle on Monday (order 4471) and it arrived broken on Friday. " +
        "I would like a replacement rather than a refund, and I need it before 12 May.";

    [Theory]
    [InlineData("Maria's blue kettle arrived broken; she wants a replacement, not a refund.")]
    [InlineData("Customer reports kettle from order 4471 delivered broken, requests replacement before May 12.")]
    [InlineData("Broken kettle arrived Friday; replacement needed.")]
    public void A_faithful_summary_scores_high_and_states_no_missing_facts(string summary)
    {
        var result = SummaryGrounding.Evaluate(Source, summary);

        Assert.Empty(result.MissingFacts);
        Assert.True(result.Faithfulness >= 0.7, $"faithfulness {result.Faithfulness}; unsupported: {string.Join(", ", result.UnsupportedWords)}");
    }

    [Fact]
    public void An_unrelated_summary_scores_low_listing_the_unsupported_words()
    {
        var result = SummaryGrounding.Evaluate(Source, "The quarterly marketing budget was approved by the finance committee.");

        Assert.True(result.Faithfulness < 0.2);
        Assert.Contains("quarterly", result.UnsupportedWords);
        Assert.Contains("budget", result.UnsupportedWords);
    }

    [Theory]
    [InlineData("Kettle from order 4472 arrived broken.", "4472")]
    [InlineData("Kettle arrived broken; refund of 59.99 requested.", "59.99")]
    [InlineData("Kettle arrived broken; replacement needed before 14 May.", "14 May")]
    [InlineData("Kettle arrived broken, says Peter Lopez.", "Peter")]
    public void Numbers_dates_and_names_the_source_lacks_are_missing_facts(string summary, string fact) =>
        Assert.Contains(fact, SummaryGrounding.Evaluate(Source, summary).MissingFacts);

    [Fact]
    public void A_capitalized_word_starting_a_sentence_is_not_taken_for_a_name()
    {
        var result = SummaryGrounding.Evaluate(Source, "Kettle arrived broken. Replacement wanted.");

        Assert.Empty(result.MissingFacts);
    }

    [Fact]
    public void A_summary_without_content_words_has_faithfulness_zero()
    {
        var result = SummaryGrounding.Evaluate(Source, "It is what it is.");

        Assert.Equal(0, result.ContentWords);
        Assert.Equal(0, result.Faithfulness);
    }

    [Theory]
    [InlineData("delayed", "delay")]
    [InlineData("replacement", "replace")]
    [InlineData("arrived", "arrive")]
    [InlineData("stopped", "stop")]
    [InlineData("deliveries", "delivery")]
    public void Stems_join_common_inflections(string a, string b) =>
        Assert.Equal(SummaryGrounding.Stem(b), SummaryGrounding.Stem(a));
}
