using System.Text;

namespace HeteroAgents.Decoding.Tests;

/// <summary>Feeds a document token by token, checking each token against the mask first.</summary>
internal static class ConstraintDriver
{
    /// <summary>Returns true when every token is allowed by its mask and the end is accepting (EOS allowed).</summary>
    public static bool Feed(CompiledGrammar grammar, TokenVocabulary vocabulary, IReadOnlyList<int> ids)
    {
        var c = grammar.CreateConstraint(vocabulary);
        var mask = new uint[vocabulary.MaskWords];
        foreach (var id in ids)
        {
            c.ComputeMask(mask);
            var allowed = (mask[id >> 5] & (1u << (id & 31))) != 0;
            var advanced = c.TryAdvance(id);
            Assert.Equal(allowed, advanced);
            if (!advanced)
            {
                return false;
            }
        }

        c.ComputeMask(mask);
        var eos = vocabulary.EndOfSequenceTokenIds[0];
        var eosAllowed = (mask[eos >> 5] & (1u << (eos & 31))) != 0;
        Assert.Equal(c.IsAccepting, eosAllowed);
        return c.IsAccepting;
    }

    /// <summary>Byte-per-token feeding over <see cref="TestVocabularies.Bytes"/>.</summary>
    public static bool FeedBytes(CompiledGrammar grammar, string json) =>
        Feed(grammar, TestVocabularies.Bytes, Encoding.UTF8.GetBytes(json).Select(b => (int)b).ToList());

    /// <summary>cl100k tokenization of <paramref name="json"/>.</summary>
    public static bool FeedCl100k(CompiledGrammar grammar, string json) =>
        Feed(grammar, TestVocabularies.Cl100k, TestVocabularies.Cl100kTokenizer.EncodeToIds(json));
}
