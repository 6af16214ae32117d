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
        if (!ReferenceEquals(dfa, DfaCache.AnyString) && AnyEquivalent(dfa)[dfaState] is var any and >= 0)
        {
            return Get(DfaCache.AnyString, any, remaining, escapes); // every continuation is allowed: same tokens as any string
        }

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

    private readonly ConcurrentDictionary<int, int[]> _anyEquivalent = new();

    /// <summary>
    /// Per state of <paramref name="dfa"/>: the state of the any-string automaton reached by the same bytes, when every
    /// path from there is also a path from this state (then both take the same content tokens); else -1.
    /// </summary>
    private int[] AnyEquivalent(Regex.ByteDfa dfa) => _anyEquivalent.GetOrAdd(dfa.Id, _ => UniversalStates(dfa, DfaCache.AnyString));

    internal static int[] UniversalStates(Regex.ByteDfa dfa, Regex.ByteDfa any)
    {
        // The any-string state of each reachable state (the same byte history); -2 unseen, -1 ambiguous.
        var partner = new int[dfa.StateCount];
        Array.Fill(partner, -2);
        var queue = new Queue<(int, int)>();
        partner[0] = 0;
        queue.Enqueue((0, 0));
        while (queue.Count > 0)
        {
            var (x, y) = queue.Dequeue();
            for (var c = 0; c < 256; c++)
            {
                var nx = dfa.Next[(x << 8) | c];
                var ny = any.Next[(y << 8) | c];
                if (nx < 0 || ny < 0 || partner[nx] == -1)
                {
                    continue;
                }

                if (partner[nx] == -2)
                {
                    partner[nx] = ny;
                    queue.Enqueue((nx, ny));
                }
                else if (partner[nx] != ny)
                {
                    partner[nx] = -1;
                }
            }
        }

        // Greatest fixpoint: a state is universal when every any-string step from its partner is a step it has too,
        // into a universal state with the matching partner. Bad states propagate backwards once over the edges.
        var good = new bool[dfa.StateCount];
        var preds = new List<int>?[dfa.StateCount];
        var bad = new Stack<int>();
        for (var x = 0; x < good.Length; x++)
        {
            good[x] = partner[x] >= 0;
            if (!good[x])
            {
                bad.Push(x);
                continue;
            }

            for (var c = 0; c < 256; c++)
            {
                if (any.Next[(partner[x] << 8) | c] is var ny and >= 0)
                {
                    var nx = dfa.Next[(x << 8) | c];
                    if (nx < 0 || partner[nx] != ny)
                    {
                        good[x] = false;
                        bad.Push(x);
                        break;
                    }

                    (preds[nx] ??= []).Add(x);
                }
            }
        }

        while (bad.Count > 0)
        {
            foreach (var p in preds[bad.Pop()] ?? [])
            {
                if (good[p])
                {
                    good[p] = false;
                    bad.Push(p);
                }
            }
        }

        var result = new int[dfa.StateCount];
        for (var x = 0; x < result.Length; x++)
        {
            result[x] = good[x] ? partner[x] : -1;
        }

        return result;
    }

    private uint[] Compute(Regex.ByteDfa dfa, int dfaState, bool escapes)
    {
        var probe = new StringSpec { Dfa = dfa, MinLength = 0, MaxLength = -1, AllowEscapes = escapes };
        var mask = new uint[_vocabulary.MaskWords];
        var levels = new Frame[_vocabulary.MaxTokenBytes + 2];
        WalkPlain(_vocabulary.Trie, 0, 0, dfaState, levels, probe, mask);
        return mask;
    }

    /// <summary>
    /// The walk while the lexer is in its plain state, where a content byte only moves the automaton: just the
    /// automaton state is carried. A backslash hands its subtree to the full lexer walk (<see cref="Walk"/>).
    /// </summary>
    private static void WalkPlain(TokenTrie trie, int node, int depth, int state, Frame[] levels, StringSpec spec, uint[] mask)
    {
        var next = spec.Dfa.Next;
        var edgeEnd = trie.EdgeStart[node + 1];
        for (var e = trie.EdgeStart[node]; e < edgeEnd; e++)
        {
            var b = trie.EdgeByte[e];
            if (b < 0x20 || b == '"')
            {
                continue;
            }

            var child = trie.EdgeChild[e];
            if (b == '\\')
            {
                levels[depth] = new Frame { Kind = Frame.String, A = state };
                levels[depth + 1] = levels[depth];
                if (JsonMachine.StepString(ref levels[depth + 1], b, spec) != JsonMachine.StrConsumed)
                {
                    continue;
                }

                MarkTokens(trie, child, mask);
                if (trie.EdgeStart[child] != trie.EdgeStart[child + 1])
                {
                    Walk(trie, child, depth + 1, levels, spec, mask);
                }

                continue;
            }

            var to = next[(state << 8) | b];
            if (to < 0)
            {
                continue;
            }

            MarkTokens(trie, child, mask);
            if (trie.EdgeStart[child] != trie.EdgeStart[child + 1])
            {
                WalkPlain(trie, child, depth + 1, to, levels, spec, mask);
            }
        }
    }

    private static void MarkTokens(TokenTrie trie, int node, uint[] mask)
    {
        for (var t = trie.TokenStart[node]; t < trie.TokenStart[node + 1]; t++)
        {
            var id = trie.TokenIds[t];
            mask[id >> 5] |= 1u << (id & 31);
        }
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
