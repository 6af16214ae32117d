using HeteroAgents.Decoding.Runtime;
using HeteroAgents.Decoding.Vocabulary;

namespace HeteroAgents.Decoding;

/// <summary>Token masks and forced continuations.</summary>
public sealed partial class JsonSchemaConstraint
{
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

        var level0 = _levels[0] ??= _machine.NewStateSet();
        level0.CopyFrom(_state);
        if (_state.Count == 1 && TryStringFastPath(mask, level0))
        {
            WalkAndMark(_vocabulary.QuoteTrie, mask);
        }
        else
        {
            WalkAndMark(_vocabulary.Trie, mask);
        }

        if (_machine.IsAccepting(_state))
        {
            foreach (var eos in _vocabulary.EndOfSequenceTokenIds)
            {
                mask[eos >> 5] |= 1u << (eos & 31);
            }
        }
    }

    private bool TryStringFastPath(Span<uint> mask, StateSet s)
    {
        ref var top = ref s.Frames[s.Depths[0] - 1];
        if (top.Kind != Frame.String || top.State != 0)
        {
            return false;
        }

        var spec = _machine.Strings[top.Spec];
        var remaining = spec.MaxLength < 0 ? -1 : spec.MaxLength - top.B;
        if (remaining >= _vocabulary.MaxTokenBytes)
        {
            remaining = -1;
        }

        var content = _vocabulary.ContentMasks.Get(spec, top.A, remaining);
        content.AsSpan(0, mask.Length > content.Length ? content.Length : mask.Length).CopyTo(mask);
        return true;
    }

    private void WalkAndMark(TokenTrie trie, Span<uint> mask) => Walk(trie, 0, 0, mask);

    private void Walk(TokenTrie trie, int node, int depth, Span<uint> mask)
    {
        var cur = _levels[depth];
        var next = _levels[depth + 1] ??= _machine.NewStateSet();
        var edgeEnd = trie.EdgeStart[node + 1];
        for (var e = trie.EdgeStart[node]; e < edgeEnd; e++)
        {
            _machine.Step(cur, trie.EdgeByte[e], next);
            if (next.Count == 0)
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
                Walk(trie, child, depth + 1, mask);
            }
        }
    }

    /// <summary>
    /// The bytes that must come next because the grammar allows exactly one continuation byte at each step
    /// (stops at a choice or where the document may end). Empty when the next byte is not forced.
    /// </summary>
    public byte[] GetForcedBytes()
    {
        var result = new List<byte>();
        var cur = _machine.NewStateSet();
        cur.CopyFrom(_state);
        var probe = _machine.NewStateSet();
        var chosen = _machine.NewStateSet();
        while (!_ended && result.Count < 256 && !_machine.IsAccepting(cur))
        {
            var only = -1;
            for (var b = 0; b < 256; b++)
            {
                _machine.Step(cur, b, probe);
                if (probe.Count == 0)
                {
                    continue;
                }

                if (only >= 0)
                {
                    only = -2;
                    break;
                }

                only = b;
                chosen.CopyFrom(probe);
            }

            if (only < 0)
            {
                break;
            }

            result.Add((byte)only);
            cur.CopyFrom(chosen);
        }

        return [.. result];
    }

    /// <summary>
    /// When the next bytes are forced, the longest token spelling a prefix of them (a model step can be skipped).
    /// </summary>
    public bool TryGetForcedToken(out int tokenId)
    {
        tokenId = -1;
        var forced = GetForcedBytes();
        var trie = _vocabulary.Trie;
        var node = 0;
        foreach (var b in forced)
        {
            var found = -1;
            for (var e = trie.EdgeStart[node]; e < trie.EdgeStart[node + 1]; e++)
            {
                if (trie.EdgeByte[e] == b)
                {
                    found = trie.EdgeChild[e];
                    break;
                }
            }

            if (found < 0)
            {
                break;
            }

            node = found;
            if (trie.TokenStart[node] != trie.TokenStart[node + 1])
            {
                tokenId = trie.TokenIds[trie.TokenStart[node]];
            }
        }

        return tokenId >= 0;
    }
}
