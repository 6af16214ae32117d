using System.Runtime.InteropServices;
using HeteroAgents.Decoding.Runtime;

namespace HeteroAgents.Decoding;

/// <summary>Masks when parallel threads (anyOf branches, group members) are each inside a different string.</summary>
public sealed partial class JsonSchemaConstraint
{
    private const byte UnionKeyTag = (byte)'U';
    private ulong[] _rows = [];
    private uint[]? _unionScratch;

    /// <summary>
    /// A token made only of string content keeps exactly the threads whose content mask has it; with groups, the
    /// threads that remain must also keep their group instances viable. So the mask is the union of the cached content
    /// masks (narrowed through the groups' formulas lane by lane, as the step's pruning would), plus a full-state walk
    /// of the tokens that contain a quote.
    /// </summary>
    private bool TryStringUnionFastPath(Span<uint> mask, StateSet s)
    {
        for (var t = 0; t < s.Count; t++)
        {
            ref var top = ref s.Frames[(t * s.MaxFrames) + s.Depths[t] - 1];
            if (top.Kind != Frame.String || top.State != 0)
            {
                return false;
            }
        }

        // The whole mask depends on what the quote walk depends on (the content masks too: the lexer state and, for
        // bounded strings, the length), and the narrowing through groups is costly: it is kept under that key.
        var cacheable = !_machine.NeedsTranscript && _masks.Enabled;
        if (cacheable && _masks.TryGet(QuoteKey(s, UnionKeyTag), out var known))
        {
            known.OrInto(mask);
            return true;
        }

        var whole = mask;
        if (cacheable)
        {
            whole = _unionScratch ??= new uint[_vocabulary.MaskWords];
            whole.Clear();
        }

        UnionMask(whole, s);
        if (cacheable)
        {
            _masks.Add(QuoteKey(s, UnionKeyTag), whole);
            Or(mask, _unionScratch!);
        }

        return true;
    }

    private void UnionMask(Span<uint> mask, StateSet s)
    {
        if (!_machine.HasGroups || !_machine.HasGroupFrames(s))
        {
            for (var t = 0; t < s.Count; t++)
            {
                var top = s.Frames[(t * s.MaxFrames) + s.Depths[t] - 1];
                ContentTokens(mask, top);
            }
        }
        else
        {
            var width = (_vocabulary.MaskWords + 1) / 2;
            if (_rows.Length < width * s.Count)
            {
                _rows = new ulong[width * s.Count];
            }

            var rows = _rows.AsSpan(0, width * s.Count);
            rows.Clear();
            for (var t = 0; t < s.Count; t++)
            {
                var top = s.Frames[(t * s.MaxFrames) + s.Depths[t] - 1];
                ContentTokens(MemoryMarshal.Cast<ulong, uint>(rows.Slice(t * width, width)), top);
            }

            _machine.NarrowByGroups(s, rows, width);
            for (var t = 0; t < s.Count; t++)
            {
                var bits = MemoryMarshal.Cast<ulong, uint>(rows.Slice(t * width, width));
                for (var i = 0; i < mask.Length && i < bits.Length; i++)
                {
                    mask[i] |= bits[i];
                }
            }
        }

        if (AllInPlainStrings(s))
        {
            WalkStrings(_vocabulary.QuoteTrie, 0, 0, mask);
        }
        else
        {
            WalkQuotes(mask, s, shared: false);
        }
    }

    /// <summary>
    /// Adds the tokens made only of string content that the string frame <paramref name="top"/> takes: from the
    /// per-vocabulary cache where the string's automaton is shared, else by walking the trie with the frame alone
    /// (cheap for the keys of closed objects, whose walk only follows property-name prefixes).
    /// </summary>
    private void ContentTokens(Span<uint> mask, in Frame top)
    {
        var spec = _machine.Strings[top.Spec];
        if ((spec.NamesDfa is not null && spec.Reach is null) || spec.SharedDfa)
        {
            OrContent(mask, spec, top);
        }
        else
        {
            WalkContent(_vocabulary.Trie, 0, top, spec, mask);
        }
    }

    private static void WalkContent(Vocabulary.TokenTrie trie, int node, Frame frame, Grammar.StringSpec spec, Span<uint> mask)
    {
        for (var e = trie.EdgeStart[node]; e < trie.EdgeStart[node + 1]; e++)
        {
            var f = frame;
            if (trie.EdgeByte[e] == '"' || JsonMachine.StepString(ref f, trie.EdgeByte[e], spec) != JsonMachine.StrConsumed)
            {
                continue;
            }

            var child = trie.EdgeChild[e];
            MarkTokens(trie, child, mask);
            if (trie.EdgeStart[child] != trie.EdgeStart[child + 1])
            {
                WalkContent(trie, child, f, spec, mask);
            }
        }
    }
}
