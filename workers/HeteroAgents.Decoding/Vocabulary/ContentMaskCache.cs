using System.Collections.Concurrent;
using HeteroAgents.Decoding.Grammar;
using HeteroAgents.Decoding.Runtime;

namespace HeteroAgents.Decoding.Vocabulary;

/// <summary>
/// Per vocabulary: for a string lexical state (content automaton, its state, remaining length budget), the set of
/// tokens made only of string content. Independent of the grammar around the string, so shared by every grammar
/// and thread; computed once per key by walking the token trie with the string lexer alone.
/// </summary>
internal sealed class ContentMaskCache(TokenVocabulary vocabulary)
{
    private readonly ConcurrentDictionary<(int Dfa, int State, int Remaining), uint[]> _masks = new();

    public uint[] Get(StringSpec spec, int dfaState, int remaining) =>
        _masks.GetOrAdd((spec.Dfa.Id, dfaState, remaining), _ => Compute(spec, dfaState, remaining));

    private uint[] Compute(StringSpec spec, int dfaState, int remaining)
    {
        var probe = new StringSpec { Dfa = spec.Dfa, MinLength = 0, MaxLength = remaining };
        var mask = new uint[vocabulary.MaskWords];
        var trie = vocabulary.Trie;
        var levels = new Frame[vocabulary.MaxTokenBytes + 2];
        levels[0] = new Frame { Kind = Frame.String, A = dfaState };
        Walk(trie, 0, 0, levels, probe, mask);
        return mask;
    }

    private static void Walk(TokenTrie trie, int node, int depth, Frame[] levels, StringSpec spec, uint[] mask)
    {
        for (var e = trie.EdgeStart[node]; e < trie.EdgeStart[node + 1]; e++)
        {
            levels[depth + 1] = levels[depth];
            if (JsonMachine.StepString(ref levels[depth + 1], trie.EdgeByte[e], spec) != JsonMachine.StrConsumed)
            {
                continue;
            }

            var child = trie.EdgeChild[e];
            for (var t = trie.TokenStart[child]; t < trie.TokenStart[child + 1]; t++)
            {
                var id = trie.TokenIds[t];
                mask[id >> 5] |= 1u << (id & 31);
            }

            if (trie.EdgeStart[child] != trie.EdgeStart[child + 1])
            {
                Walk(trie, child, depth + 1, levels, spec, mask);
            }
        }
    }
}
