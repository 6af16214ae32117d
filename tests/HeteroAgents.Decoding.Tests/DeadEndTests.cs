using System.Text;
using System.Text.Json;

namespace HeteroAgents.Decoding.Tests;

/// <summary>
/// Every prefix the mask allows must still have a valid completion: a random walk over allowed tokens never reaches a
/// state with no allowed token before the output is complete. Found with random-weight models, which write escapes
/// (<c>\u006c</c>) inside keys and enum values and repeat or reorder property names.
/// </summary>
public sealed class DeadEndTests
{
    public static TheoryData<string> Schemas =>
    [
        """{"type":"object","properties":{"label":{"type":"string","enum":["refund_request","shipping_delay","other"]}},"required":["label"],"additionalProperties":false}""",
        """{"anyOf":[{"type":"object","properties":{"name":{"const":"lookup_order"},"arguments":{"type":"object","properties":{"order_id":{"type":"string","pattern":"^[A-Z]{2}-[0-9]{6}$"}},"required":["order_id"],"additionalProperties":false}},"required":["name","arguments"],"additionalProperties":false},{"type":"object","properties":{"name":{"const":"cancel_order"},"arguments":{"type":"object","properties":{"order_id":{"type":"string","maxLength":3}},"required":["order_id"],"additionalProperties":false}},"required":["name","arguments"],"additionalProperties":false}]}""",
        """{"type":"object","properties":{"order_id":{"type":"string","maxLength":4},"customer_name":{"type":"string","maxLength":3},"city":{"type":"string","enum":["Z\u00fcrich","\ud83d\ude00"]}},"required":["city"],"additionalProperties":false}""",
        """{"type":"object","properties":{"a":{"type":"integer"},"ab":{"type":"boolean"}},"additionalProperties":{"type":"null"},"maxProperties":2}""",
    ];

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Random_walks_over_allowed_tokens_always_complete_with_valid_json(string schema)
    {
        var grammar = JsonSchemaCompiler.Compile(schema);
        var vocabulary = TestVocabularies.Bytes;
        var mask = new uint[vocabulary.MaskWords];
        var random = new Random(1234);
        var eos = vocabulary.EndOfSequenceTokenIds[0];
        for (var walk = 0; walk < 100; walk++)
        {
            var constraint = grammar.CreateConstraint(vocabulary);
            var text = new List<byte>();
            for (var step = 0; step < 200 && !constraint.IsComplete; step++)
            {
                constraint.ComputeMask(mask);
                var allowed = Enumerable.Range(0, vocabulary.Size).Where(t => (mask[t >> 5] & (1u << (t & 31))) != 0).ToList();
                Assert.True(allowed.Count > 0, $"walk {walk}: dead end after '{Encoding.UTF8.GetString([.. text])}'");

                // Prefer content over ending, so walks explore escapes, long keys and repeated properties.
                var pick = allowed.Count > 1 ? allowed.Where(t => t != eos).ElementAt(random.Next(allowed.Count(t => t != eos))) : allowed[0];
                if (pick == eos)
                {
                    break;
                }

                Assert.True(constraint.TryAdvance(pick), $"walk {walk}: token {pick} allowed by the mask but rejected");
                text.AddRange(vocabulary.GetBytes(pick).ToArray());
            }

            if (constraint.IsAccepting || constraint.IsComplete)
            {
                var json = Encoding.UTF8.GetString([.. text]);
                using var _ = JsonDocument.Parse(json);
                Assert.True(grammar.Validate(json), json);
            }
        }
    }

    [Fact]
    public void An_escape_that_cannot_continue_a_constrained_string_is_refused()
    {
        var grammar = JsonSchemaCompiler.Compile("""{"type":"object","properties":{"code":{"type":"string","pattern":"^abc$"}},"required":["code"],"additionalProperties":false}""");

        Assert.True(ConstraintDriver.FeedBytes(grammar, """{"code":"\u0061bc"}"""));
        Assert.True(Prefix(grammar, """{"code":"\u006"""));
        Assert.False(Prefix(grammar, """{"code":"\u00A"""));
        Assert.False(Prefix(grammar, """{"code":"\ud83d"""));
        Assert.False(Prefix(grammar, """{"code":"abc\"""));
    }

    [Fact]
    public void A_key_prefix_that_can_only_repeat_or_reorder_a_property_is_refused()
    {
        var grammar = JsonSchemaCompiler.Compile("""{"type":"object","properties":{"name":{"type":"string"},"arguments":{"type":"integer"}},"required":["name","arguments"],"additionalProperties":false}""");

        Assert.False(Prefix(grammar, """{"arg"""));
        Assert.True(Prefix(grammar, """{"name":"a","arg"""));
        Assert.False(Prefix(grammar, """{"name":"a","na"""));
    }

    private static bool Prefix(CompiledGrammar grammar, string prefix)
    {
        var constraint = grammar.CreateConstraint(TestVocabularies.Bytes);
        return Encoding.UTF8.GetBytes(prefix).All(b => constraint.TryAdvance(b));
    }
}
