using System.Text;

namespace HeteroAgents.Decoding.Tests;

public sealed class JsonSchemaConstraintTests
{
    private const string Schema = """{"type":"object","properties":{"answer":{"enum":["yes","no"]},"score":{"type":"integer"}},"required":["answer","score"],"additionalProperties":false}""";

    private static TokenVocabulary V => TestVocabularies.Bytes;

    private static bool Advance(JsonSchemaConstraint c, string text) =>
        Encoding.UTF8.GetBytes(text).All(b => c.TryAdvance(b));

    [Fact]
    public void Rejected_token_leaves_the_state_unchanged()
    {
        var c = JsonSchemaCompiler.Compile(Schema).CreateConstraint(V);
        Assert.True(Advance(c, "{\"answer\":\"y"));
        Assert.False(c.TryAdvance('n'));
        Assert.True(Advance(c, "es\",\"score\":3}"));
        Assert.True(c.IsAccepting);
    }

    [Fact]
    public void Rollback_restores_earlier_states()
    {
        var c = JsonSchemaCompiler.Compile(Schema).CreateConstraint(V);
        Assert.True(Advance(c, "{\"answer\":\"yes\""));
        var before = c.TokenCount;
        Assert.True(Advance(c, ",\"score\":1}"));
        Assert.True(c.IsAccepting);
        c.Rollback(c.TokenCount - before);
        Assert.False(c.IsAccepting);
        Assert.Equal(before, c.TokenCount);
        Assert.True(Advance(c, ",\"score\":22}"));
        Assert.True(c.IsAccepting);
        c.Reset();
        Assert.Equal(0, c.TokenCount);
        Assert.True(Advance(c, "{\"answer\":\"no\",\"score\":0}"));
        Assert.Throws<ArgumentOutOfRangeException>(() => c.Rollback(1000));
    }

    [Fact]
    public void Forced_bytes_and_tokens_follow_the_only_continuation()
    {
        var c = JsonSchemaCompiler.Compile(Schema).CreateConstraint(V);
        Assert.Equal("{\"answer\":\"", Encoding.UTF8.GetString(c.GetForcedBytes()));
        Assert.True(c.TryGetForcedToken(out var token));
        Assert.Equal("{\"", Encoding.UTF8.GetString(V.GetBytes(token)));
        Assert.True(Advance(c, "{\"answer\":\"n"));
        Assert.Equal("o\",\"score\":", Encoding.UTF8.GetString(c.GetForcedBytes()));
        Assert.True(Advance(c, "o\",\"score\":"));
        Assert.Empty(c.GetForcedBytes());
        Assert.False(c.TryGetForcedToken(out _));
    }

    [Fact]
    public void End_of_sequence_is_allowed_only_when_accepting_and_ends_generation()
    {
        var c = JsonSchemaCompiler.Compile("""{"type":"integer"}""").CreateConstraint(V);
        var mask = new uint[V.MaskWords];
        Assert.False(c.TryAdvance(300));
        Assert.True(c.TryAdvance('4'));
        c.ComputeMask(mask);
        Assert.NotEqual(0u, mask[300 >> 5] & (1u << (300 & 31)));
        Assert.NotEqual(0u, mask['5' >> 5] & (1u << ('5' & 31)));
        Assert.False(c.IsComplete);
        Assert.True(c.TryAdvance(300));
        Assert.True(c.IsComplete);
        Assert.False(c.TryAdvance('5'));
        c.ComputeMask(mask);
        Assert.All(mask, w => Assert.Equal(0u, w));
    }

    [Fact]
    public void Is_complete_when_nothing_but_eos_can_follow()
    {
        var c = JsonSchemaCompiler.Compile("""{"type":"boolean"}""").CreateConstraint(V);
        Assert.True(Advance(c, "true"));
        Assert.True(c.IsAccepting);
        Assert.True(c.IsComplete);
    }

    [Fact]
    public void Mask_agrees_with_advance_for_every_token_at_every_step()
    {
        var grammar = JsonSchemaCompiler.Compile("""{"type":"object","properties":{"t":{"type":"string","maxLength":4},"n":{"type":"number"},"l":{"type":"array","items":{"type":["integer","null"]}}}}""");
        var c = grammar.CreateConstraint(V);
        var mask = new uint[V.MaskWords];
        var consumed = new List<byte>();
        foreach (var b in Encoding.UTF8.GetBytes("{\"t\":\"é\\u0041\",\"n\":-1.5e3,\"l\":[1,null]}"))
        {
            c.ComputeMask(mask);
            for (var id = 0; id < V.Size; id++)
            {
                var probe = grammar.CreateConstraint(V);
                Assert.True(consumed.Count == 0 || probe.TryAdvanceBytes(consumed.ToArray()));
                var allowed = (mask[id >> 5] & (1u << (id & 31))) != 0;
                Assert.Equal(allowed, probe.TryAdvance(id));
            }

            Assert.True(c.TryAdvance(b));
            consumed.Add(b);
        }

        Assert.True(c.IsAccepting);
    }

    [Fact]
    public void Mask_buffer_that_is_too_small_is_rejected()
    {
        var c = JsonSchemaCompiler.Compile("{}").CreateConstraint(V);
        Assert.Throws<ArgumentException>(() => c.ComputeMask(new uint[1]));
    }
}
