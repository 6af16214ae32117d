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
}
