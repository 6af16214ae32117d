namespace HeteroAgents.Decoding;

/// <summary>Forced continuations: where the grammar leaves exactly one possible next byte.</summary>
public sealed partial class JsonSchemaConstraint
{
    /// <summary>
    /// The bytes that must come next because the grammar allows exactly one continuation byte at each step
    /// (stops at a choice or where the document may end). Empty when the next byte is not forced.
    /// </summary>
    public byte[] GetForcedBytes()
    {
        var result = new List<byte>();
        var items = _context.ItemCount;
        var cur = _machine.NewStateSet(_context);
        cur.CopyFrom(_state);
        var probe = _machine.NewStateSet(_context);
        var chosen = _machine.NewStateSet(_context);
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
            if (_machine.NeedsTranscript)
            {
                _context.Record(cur.Position, only);
            }

            cur.CopyFrom(chosen);
        }

        _context.Truncate(items);
        return [.. result];
    }

    /// <summary>
    /// When the next bytes are forced, the longest token spelling a prefix of them, so the caller can append it
    /// without a model step. False when the next byte is not forced.
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
