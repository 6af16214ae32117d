using HeteroAgents.Flywheel;

namespace HeteroAgents.Flywheel.Tests.Eval;

public sealed class AnswerComparerTests
{
    [Theory]
    [InlineData("{\"label\":\"refund\"}", "{\"label\":\" Refund \"}", true)]
    [InlineData("{\"label\":\"refund\"}", "{\"label\":\"shipping\"}", false)]
    [InlineData("{\"label\":\"refund\"}", "not json", false)]
    public void Classify_compares_labels(string frontier, string slm, bool agree)
    {
        var c = AnswerComparer.Compare("classify", frontier, slm);
        Assert.True(c.Counted);
        Assert.Equal(agree, c.Agree);
    }

    [Fact]
    public void Tool_calls_compare_name_and_canonical_arguments()
    {
        const string frontier = "{\"name\":\"book\",\"arguments\":{\"city\":\"Oslo\",\"nights\":2}}";
        Assert.True(AnswerComparer.Compare("tool_call", frontier, "{\"arguments\":{\"nights\":2.0,\"city\":\"Oslo\"},\"name\":\"book\"}").Agree);
        Assert.False(AnswerComparer.Compare("tool_call", frontier, "{\"name\":\"book\",\"arguments\":{\"city\":\"Oslo\",\"nights\":3}}").Agree);
        var wrongTool = AnswerComparer.Compare("tool_call", frontier, "{\"name\":\"cancel\",\"arguments\":{}}");
        Assert.False(wrongTool.Agree);
        Assert.Contains("cancel", wrongTool.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_reports_field_wise_agreement()
    {
        var c = AnswerComparer.Compare("extract", "{\"vendor\":\"Acme\",\"total\":10,\"date\":\"2026-01-02\",\"po\":null}", "{\"vendor\":\"Acme\",\"total\":12,\"date\":\"2026-01-02\"}");
        Assert.False(c.Agree);
        Assert.Equal(0.75, c.FieldAgreement!.Value, 6);
        Assert.Contains("total", c.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("po", c.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Summaries_are_reported_but_not_counted()
    {
        var c = AnswerComparer.Compare("summarize", "{\"summary\":\"a\"}", "{\"summary\":\"b\"}");
        Assert.False(c.Counted);
        Assert.False(c.Agree);
        Assert.True(AnswerComparer.Compare("summarize", "{\"summary\":\"a\"}", "{ \"summary\": \"a\" }").Agree);
    }
}
