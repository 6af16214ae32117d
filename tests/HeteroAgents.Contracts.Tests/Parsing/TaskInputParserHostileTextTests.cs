using System.Text;
using HeteroAgents.Contracts;

namespace HeteroAgents.Contracts.Tests.Parsing;

/// <summary>Lines that are valid JSON but ambiguous or unreadable as text fail alone, with a located error, instead of throwing.</summary>
public sealed class TaskInputParserHostileTextTests
{
    private readonly TaskInputParser _parser = new(new TaskInputParserOptions());

    private TaskParseResult Parse(string line) => _parser.Parse(Encoding.UTF8.GetBytes(line), 3, "b1");

    [Theory]
    [InlineData("""{"custom_id":"s1","task":"summarize","input":{"text":"broken \ud800 half"}}""", "input.text")]
    [InlineData("""{"custom_id":"c1","task":"classify","input":{"text":"hi","labels":["a","\udc00"]}}""", "input.labels[1]")]
    [InlineData("""{"custom_id":"\ud83d","task":"summarize","input":{"text":"x"}}""", "custom_id")]
    public void An_escaped_unpaired_surrogate_fails_the_line_naming_the_field(string line, string field)
    {
        var result = Parse(line);

        Assert.False(result.IsSuccess);
        Assert.Equal(TaskErrorCodes.InvalidInput, result.Error.Code);
        Assert.Equal(field, result.Error.Field);
        Assert.Equal(3, result.Error.Line);
        Assert.StartsWith($"line 3: {field} is not valid Unicode text", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_member_name_escaping_an_unpaired_surrogate_is_malformed()
    {
        var result = Parse("""{"custom_id":"k1","task":"summarize","input":{"text":"x","\ud800":1}}""");

        Assert.False(result.IsSuccess);
        Assert.Equal(TaskErrorCodes.MalformedJson, result.Error.Code);
        Assert.StartsWith("line 3: malformed JSON: a member name is not valid Unicode text", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_properly_escaped_surrogate_pair_is_accepted()
    {
        var result = Parse("""{"custom_id":"s2","task":"summarize","input":{"text":"parcel \ud83d\udce6 late"}}""");

        Assert.True(result.IsSuccess);
        Assert.Contains("\U0001F4E6", Assert.IsType<SummarizeTask>(result.Task).Input.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"custom_id":"d1","task":"classify","task":"tool_call","input":{"text":"x","labels":["a","b"]}}""", "'task'")]
    [InlineData("""{"custom_id":"d2","task":"extract","input":{"text":"x","schema":{"type":"object","properties":{"a":{"type":"string"},"a":{"type":"integer"}}}}}""", "'a'")]
    public void A_repeated_member_is_malformed_because_parsers_disagree_on_which_wins(string line, string member)
    {
        var result = Parse(line);

        Assert.False(result.IsSuccess);
        Assert.Equal(TaskErrorCodes.MalformedJson, result.Error.Code);
        Assert.Contains(member, result.Error.Message, StringComparison.Ordinal);
    }
}
