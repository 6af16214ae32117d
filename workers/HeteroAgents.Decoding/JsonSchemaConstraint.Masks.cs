using HeteroAgents.Decoding.Runtime;
using HeteroAgents.Decoding.Vocabulary;

namespace HeteroAgents.Decoding;

/// <summary>
/// Token masks: a walk of the vocabulary's byte trie with the automaton, pruning a subtree at its first rejected
/// byte. Inside strings and numbers (single parse thread) only the lexeme's own frame is stepped; the full stack is
/// materialized only where the lexeme ends. Inside strings, tokens made only of content come from a per-vocabulary
/// cache and just the tokens containing a quote are walked.
/// </summary>
public sealed partial class JsonSchemaConstraint
{
    private StateSet? _materialized;

    /// <inheritdoc />
    public void ComputeMask(Span<uint> mask)
    {
        if (mask.Length < _vocabulary.MaskWords)
        {
            throw new ArgumentException($"The mask needs {_vocabulary.MaskWords} words for {_vocabulary.Size} tokens; got {mask.Length}.", nameof(mask));
        }

        mask.Clear();
        if (_ended)
        {
            return;
        }

        var cached = UsesStateCache(_state);
        if (cached && _masks.TryGet(StateKey(_state), out var known))
        {
            known.OrInto(mask);
        }
        else
        {
            var level0 = _levels[0] ??= _machine.NewStateSet(_context);
            level0.CopyFrom(_state);
            var items = _context.ItemCount;
            try
            {
                if (!TryLexemeFastPath(mask, level0))
                {
                    Walk(_vocabulary.Trie, 0, 0, mask);
                }
            }
            finally
            {
                _context.Truncate(items); // item-log entries of the walk's speculative states
            }

            if (cached)
            {
                _masks.Add(StateKey(_state), mask[.._vocabulary.MaskWords]);
            }
        }

        if (_machine.IsAccepting(_state))
        {
            foreach (var eos in _vocabulary.EndOfSequenceTokenIds)
            {
                mask[eos >> 5] |= 1u << (eos & 31);
            }
        }
    }

    /// <summary>True when every thread has the same lexeme (string or number) frame on top.</summary>
    private static bool SharedLexemeTop(StateSet s)
    {
        if (s.Count == 0)
        {
            return false;
        }

        ref var top = ref s.Frames[s.Depths[0] - 1];
        if (top.Kind is not (Frame.String or Frame.Number))
        {
            return false;
        }

        for (var t = 1; t < s.Count; t++)
        {
            ref var other = ref s.Frames[(t * s.MaxFrames) + s.Depths[t] - 1];
            if (other.Kind != top.Kind || other.Spec != top.Spec || other.State != top.State || other.A != top.A
                || other.B != top.B || other.C != top.C || other.D != top.D || other.E != top.E)
            {
                return false;
            }
        }

        return true;
    }

    private bool TryLexemeFastPath(Span<uint> mask, StateSet s)
    {
        if (!SharedLexemeTop(s))
        {
            return TryStringUnionFastPath(mask, s);
        }

        var top = s.Frames[s.Depths[0] - 1];
        if (top.Kind == Frame.Number)
        {
            WalkLexeme(_vocabulary.Trie, 0, 0, top, mask);
            return true;
        }

        if (top.Kind != Frame.String)
        {
            return false;
        }

        var spec = _machine.Strings[top.Spec];
        if (top.State == 0 && ((spec.NamesDfa is not null && spec.Reach is null) || spec.SharedDfa))
        {
            OrContent(mask, spec, top);
            OrQuoteTokens(mask, s, shared: true);
        }
        else
        {
            WalkLexeme(_vocabulary.Trie, 0, 0, top, mask);
        }

        return true;
    }

    private static void Or(Span<uint> mask, uint[] bits)
    {
        var n = Math.Min(mask.Length, bits.Length);
        var m = mask[..n];
        var v = System.Numerics.Vector<uint>.Count;
        var i = 0;
        for (; i + v <= n; i += v)
        {
            (new System.Numerics.Vector<uint>(m[i..]) | new System.Numerics.Vector<uint>(bits, i)).CopyTo(m[i..]);
        }

        for (; i < n; i++)
        {
            m[i] |= bits[i];
        }
    }

    private void OrContent(Span<uint> mask, Grammar.StringSpec spec, in Frame top)
    {
        var cache = _vocabulary.ContentMasks;
        if (spec.NamesDfa is not null)
        {
            if (spec.AnyState![top.A] >= 0)
            {
                Or(mask, cache.Get(spec.AnyDfa!, spec.AnyState[top.A], -1, spec.AllowEscapes));
            }

            if (spec.NamesState![top.A] >= 0)
            {
                Or(mask, cache.Get(spec.NamesDfa, spec.NamesState[top.A], -1, spec.AllowEscapes));
            }
        }
        else
        {
            Or(mask, cache.Get(spec.Dfa, top.A, spec.MaxLength < 0 ? -1 : spec.MaxLength - top.B, spec.AllowEscapes));
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static void MarkTokens(TokenTrie trie, int node, Span<uint> mask)
    {
        for (var t = trie.TokenStart[node]; t < trie.TokenStart[node + 1]; t++)
        {
            var id = trie.TokenIds[t];
            mask[id >> 5] |= 1u << (id & 31);
        }
    }

    private void Walk(TokenTrie trie, int node, int depth, Span<uint> mask) => Walk(trie, node, depth, mask, null, 0);

    /// <summary>
    /// Walks below <paramref name="node"/> from the full state <c>_levels[depth]</c>. With <paramref name="dead"/>, the
    /// walk is the part of tokens after a closed string (<paramref name="suffix"/>: the bytes since, see
    /// <see cref="ExtendSuffix"/>), and byte sequences already refused from that closed state are skipped.
    /// </summary>
    private void Walk(TokenTrie trie, int node, int depth, Span<uint> mask, HashSet<ulong>? dead, ulong suffix)
    {
        var cur = _levels[depth];
        var next = _levels[depth + 1] ??= _machine.NewStateSet(_context);
        var edgeEnd = trie.EdgeStart[node + 1];
        for (var e = trie.EdgeStart[node]; e < edgeEnd; e++)
        {
            var b = trie.EdgeByte[e];
            var key = dead is null ? 0 : ExtendSuffix(suffix, b);
            if (key != 0 && dead!.Contains(key))
            {
                continue;
            }

            _machine.Step(cur, b, next);
            if (next.Count == 0)
            {
                if (key != 0)
                {
                    dead!.Add(key);
                }

                continue;
            }

            var child = trie.EdgeChild[e];
            MarkTokens(trie, child, mask);
            if (trie.EdgeStart[child] == trie.EdgeStart[child + 1])
            {
                continue;
            }

            if (SharedLexemeTop(next))
            {
                WalkLexeme(trie, child, depth + 1, next.Frames[next.Depths[0] - 1], mask);
            }
            else if (AllInPlainStrings(next))
            {
                WalkStrings(trie, child, depth + 1, mask);
            }
            else
            {
                Walk(trie, child, depth + 1, mask, key == 0 ? null : dead, key);
            }
        }
    }

    /// <summary>
    /// The suffix <paramref name="suffix"/> followed by <paramref name="b"/>, as a number with a leading 1 before the
    /// bytes (1 is the empty suffix); 0 when it no longer fits in 7 bytes.
    /// </summary>
    private static ulong ExtendSuffix(ulong suffix, byte b) => suffix is 0 or >= 1UL << 48 ? 0 : (suffix << 8) | b;

    /// <summary>
    /// Walks below <paramref name="node"/> stepping only the lexeme frame <paramref name="lexeme"/>, the top of every
    /// thread of <c>_levels[baseDepth]</c>. Where the lexeme ends, the full state is rebuilt.
    /// </summary>
    private void WalkLexeme(TokenTrie trie, int node, int baseDepth, Frame lexeme, Span<uint> mask)
    {
        // Entries at this base depth or deeper belong to earlier bases: drop them.
        for (var i = _closed.Count - 1; i >= 0; i--)
        {
            if (_closed[i].Base >= baseDepth)
            {
                _pool.Push(_closed[i].State);
                _closed[i].Dead.Clear();
                _deadPool.Push(_closed[i].Dead);
                _closed.RemoveAt(i);
            }
        }

        WalkLexeme(trie, node, baseDepth, baseDepth, lexeme, mask);
    }

    /// <summary>
    /// The state after a shared string lexeme closes, per base depth, lexeme automaton state and whether the string is
    /// long enough: nothing else of the content matters to what follows (unless items are compared, which reads the
    /// content). Valid while the base state at that depth stays.
    /// </summary>
    /// <remarks>
    /// Each entry also keeps the byte sequences after the quote that were refused from its state: whether a
    /// continuation is refused does not depend on the content before the quote, and most tokens with a quote share a
    /// few such continuations (<c>")</c>, <c>";</c>, ...).
    /// </remarks>
    private readonly List<(int Base, int A, bool Long, StateSet State, HashSet<ulong> Dead)> _closed = [];

    private readonly Stack<HashSet<ulong>> _deadPool = new();

    private (StateSet State, HashSet<ulong> Dead)? FindClosed(int baseDepth, int a, bool isLong)
    {
        foreach (var c in _closed)
        {
            if (c.Base == baseDepth && c.A == a && c.Long == isLong)
            {
                return (c.State, c.Dead);
            }
        }

        return null;
    }

    private void WalkLexeme(TokenTrie trie, int node, int baseDepth, int depth, Frame lexeme, Span<uint> mask)
    {
        var isString = lexeme.Kind == Frame.String;
        var stringSpec = isString ? _machine.Strings[lexeme.Spec] : null;
        var edgeEnd = trie.EdgeStart[node + 1];
        for (var e = trie.EdgeStart[node]; e < edgeEnd; e++)
        {
            var b = trie.EdgeByte[e];
            var f = lexeme;
            if (_machine.NeedsTranscript)
            {
                _context.Record(_levels[baseDepth].Position + (depth - baseDepth), b);
            }

            bool consumed;
            if (isString)
            {
                var r = JsonMachine.StepString(ref f, b, stringSpec!);
                if (r == JsonMachine.StrRejected)
                {
                    continue;
                }

                consumed = r == JsonMachine.StrConsumed;
            }
            else
            {
                var r = _machine.StepNumber(ref f, b);
                if (r == JsonMachine.NumRejected)
                {
                    continue;
                }

                consumed = r == JsonMachine.NumConsumed;
            }

            var child = trie.EdgeChild[e];
            if (consumed)
            {
                MarkTokens(trie, child, mask);
                if (trie.EdgeStart[child] != trie.EdgeStart[child + 1])
                {
                    WalkLexeme(trie, child, baseDepth, depth + 1, f, mask);
                }

                continue;
            }

            // The lexeme ends at this byte: rebuild the full state before it and step the byte for real.
            var baseSet = _levels[baseDepth];
            var next = _levels[depth + 1] ??= _machine.NewStateSet(_context);
            var isLong = isString && lexeme.B >= stringSpec!.MinLength;
            var cacheable = isString && !_machine.NeedsTranscript;
            HashSet<ulong>? dead = null;
            if (cacheable && FindClosed(baseDepth, lexeme.A, isLong) is { } known)
            {
                next.CopyFrom(known.State);
                next.Position = baseSet.Position + (depth - baseDepth) + 1;
                dead = known.Dead;
            }
            else
            {
                var mat = _materialized ??= _machine.NewStateSet(_context);
                mat.CopyFrom(baseSet);
                mat.Position = baseSet.Position + (depth - baseDepth);
                for (var t = 0; t < mat.Count; t++)
                {
                    mat.Frames[(t * mat.MaxFrames) + mat.Depths[t] - 1] = lexeme;
                }

                _machine.Step(mat, b, next);
                if (cacheable)
                {
                    var copy = _pool.Count > 0 ? _pool.Pop() : _machine.NewStateSet(_context);
                    copy.CopyFrom(next);
                    dead = _deadPool.Count > 0 ? _deadPool.Pop() : [];
                    _closed.Add((baseDepth, lexeme.A, isLong, copy, dead));
                }
            }

            if (next.Count == 0)
            {
                continue;
            }

            MarkTokens(trie, child, mask);
            if (trie.EdgeStart[child] != trie.EdgeStart[child + 1])
            {
                Walk(trie, child, depth + 1, mask, dead, dead is null ? 0UL : 1UL);
            }
        }
    }
}
