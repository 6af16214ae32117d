using HeteroAgents.Decoding.Grammar;
using HeteroAgents.Decoding.Vocabulary;

namespace HeteroAgents.Decoding.Tests;

/// <summary>The shared content-mask cache: states that allow any continuation reuse the any-string masks.</summary>
public sealed class ContentMaskCacheTests
{
    [Fact]
    public void States_from_which_every_continuation_is_possible_are_universal()
    {
        // Only paths matter for content tokens (acceptance is decided at the closing quote).
        var dfa = DfaCache.Pattern("b");
        var universal = ContentMaskCache.UniversalStates(dfa, DfaCache.AnyString);
        Assert.True(universal[dfa.Run("xb"u8)] >= 0);
        Assert.True(universal[0] >= 0);
        var prefixed = DfaCache.Pattern("^ab");
        var states = ContentMaskCache.UniversalStates(prefixed, DfaCache.AnyString);
        Assert.Equal(-1, states[0]);
        Assert.True(states[prefixed.Run("ab"u8)] >= 0);
        var anchored = DfaCache.Pattern("^[a-z]{2}$");
        Assert.All(ContentMaskCache.UniversalStates(anchored, DfaCache.AnyString), u => Assert.Equal(-1, u));
    }

    [Fact]
    public void A_universal_state_takes_exactly_the_tokens_of_any_string()
    {
        var vocabulary = TestVocabularies.Cl100k;
        var dfa = DfaCache.Pattern("^ab");
        var afterAb = dfa.Run("ab"u8);
        var viaCache = vocabulary.ContentMasks.Get(dfa, afterAb, -1, true);
        var any = vocabulary.ContentMasks.Get(DfaCache.AnyString, 0, -1, true);
        Assert.Equal(any, viaCache);
        var start = vocabulary.ContentMasks.Get(dfa, 0, -1, true);
        Assert.NotEqual(any, start);
    }

    [Theory]
    [InlineData("^[a-z0-9 \\n]+$", "{\"p\":\"")]
    [InlineData("^[a-z0-9 \\n]+$", "{\"p\":\"ab\\n")]
    [InlineData("^(ab|cd)+[\\u00e9\\t]?$", "{\"p\":\"ab")]
    public void Every_token_is_in_a_string_mask_exactly_when_it_can_be_advanced(string pattern, string prefix)
    {
        // Content masks come from the vocabulary cache's walk (escapes included); quote tokens from the grammar's walk.
        var schema = "{\"type\":\"object\",\"properties\":{\"p\":{\"type\":\"string\",\"pattern\":" + System.Text.Json.JsonSerializer.Serialize(pattern) + "}}}";
        var grammar = JsonSchemaCompiler.Compile(schema);
        var vocabulary = TestVocabularies.Cl100k;
        var constraint = grammar.CreateConstraint(vocabulary);
        Assert.True(constraint.TryAdvanceBytes(System.Text.Encoding.UTF8.GetBytes(prefix)));
        var mask = new uint[vocabulary.MaskWords];
        constraint.ComputeMask(mask);
        var allowed = 0;
        for (var id = 0; id < vocabulary.Size; id++)
        {
            var inMask = (mask[id >> 5] & (1u << (id & 31))) != 0;
            var advanced = constraint.TryAdvance(id);
            Assert.True(inMask == advanced, $"token {id}: mask {inMask}, advance {advanced}");
            if (advanced)
            {
                allowed++;
                constraint.Rollback(1);
            }
        }

        Assert.True(allowed > 10, $"only {allowed} tokens allowed");
    }
}
