using System.Collections.Concurrent;
using HeteroAgents.Decoding.Grammar;
using HeteroAgents.Decoding.Runtime;

namespace HeteroAgents.Decoding.Vocabulary;

/// <summary>
/// Per vocabulary: for a string lexical state (content automaton and its state, plain lexer state), the set of
/// tokens made only of string content. Independent of the grammar around the string, so shared by every grammar
/// and thread; computed once per key by walking the token trie with the string lexer alone. A length budget is
/// applied exactly by intersecting with "tokens decoding to at most r code points" (precomputed per r).
/// </summary>
internal sealed class ContentMaskCache
{
    private readonly TokenVocabulary _vocabulary;
    private readonly ConcurrentDictionary<(int Dfa, int State, int Remaining, bool Escapes), uint[]> _masks = new();
    private readonly Lazy<uint[][]> _atMostChars;

    public ContentMaskCache(TokenVocabulary vocabulary)
    {
        _vocabulary = vocabulary;
        _atMostChars = new Lazy<uint[][]>(BuildCharBuckets);
    }

    /// <summary>The content tokens from <paramref name="dfaState"/>, within <paramref name="remaining"/> code points (-1: any), with or without escapes.</summary>
    public uint[] Get(Regex.ByteDfa dfa, int dfaState, int remaining, bool escapes)
    {
        var buckets = _atMostChars.Value;
        if (remaining >= buckets.Length)
        {
            remaining = -1;
        }

        return _masks.GetOrAdd((dfa.Id, dfaState, remaining, escapes), key =>
        {
            if (key.Remaining < 0)
            {
                return Compute(dfa, dfaState, escapes);
            }

            var unbounded = Get(dfa, dfaState, -1, escapes);
            var within = buckets[key.Remaining];
            var mask = new uint[unbounded.Length];
            for (var i = 0; i < mask.Length; i++)
            {
                mask[i] = unbounded[i] & within[i];
            }

            return mask;
        });
    }

    private uint[] Compute(Regex.ByteDfa dfa, int dfaState, bool escapes)
    {
        var probe = new StringSpec { Dfa = dfa, MinLength = 0, MaxLength = -1, AllowEscapes = escapes };
        var mask = new uint[_vocabulary.MaskWords];
        var levels = new Frame[_vocabulary.MaxTokenBytes + 2];
        levels[0] = new Frame { Kind = Frame.String, A = dfaState };
        Walk(_vocabulary.Trie, 0, 0, levels, probe, mask);
        return mask;
    }

    private static void Walk(TokenTrie trie, int node, int depth, Frame[] levels, StringSpec spec, uint[] mask)
    {
        var next = spec.Dfa.Next;
        for (var e = trie.EdgeStart[node]; e < trie.EdgeStart[node + 1]; e++)
        {
            var b = trie.EdgeByte[e];
            ref var cur = ref levels[depth];
            if (cur.State == 0 && b >= 0x20 && b != '"' && b != '\\')
            {
                // Plain content byte: only the automaton state changes (no length bound in this walk).
                var to = next[(cur.A << 8) | b];
                if (to < 0)
                {
                    continue;
                }

                levels[depth + 1] = cur;
                levels[depth + 1].A = to;
            }
            else
            {
                levels[depth + 1] = cur;
                if (JsonMachine.StepString(ref levels[depth + 1], b, spec) != JsonMachine.StrConsumed)
                {
                    continue;
                }
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

    /// <summary>
    /// bucket[r] = tokens whose content, lexed from a plain state, counts at most r code points (the lexer's count:
    /// raw non-continuation bytes plus one per escape, counting one that the token leaves open).
    /// </summary>
    private uint[][] BuildCharBuckets()
    {
        var counts = new int[_vocabulary.Size];
        var max = 0;
        var any = new StringSpec { Dfa = DfaCache.AnyString };
        for (var id = 0; id < counts.Length; id++)
        {
            var bytes = _vocabulary.GetBytes(id);
            var f = new Frame { Kind = Frame.String };
            var n = 0;
            foreach (var b in bytes)
            {
                var before = f.B;
                if (JsonMachine.StepString(ref f, b, any) != JsonMachine.StrConsumed)
                {
                    // Not content from a plain state (quote, control byte, or starts mid-character): count raw lead bytes.
                    f = new Frame { Kind = Frame.String, B = before + ((b & 0xC0) != 0x80 ? 1 : 0) };
                }
            }

            // A token that ends inside an escape commits to one more code point.
            n = f.B + (f.State != 0 ? 1 : 0);
            counts[id] = n;
            max = Math.Max(max, n);
        }

        var buckets = new uint[max + 1][];
        for (var r = 0; r <= max; r++)
        {
            var m = new uint[_vocabulary.MaskWords];
            for (var id = 0; id < counts.Length; id++)
            {
                if (counts[id] <= r)
                {
                    m[id >> 5] |= 1u << (id & 31);
                }
            }

            buckets[r] = m;
        }

        return buckets;
    }
}
