using System.Runtime.InteropServices;
using HeteroAgents.Decoding.Runtime;

namespace HeteroAgents.Decoding;

/// <summary>
/// The tokens containing a quote, inside a string shared by all threads: their walk (closing the string, then
/// whatever follows in the token) depends only on the frames below the string and on the string's own lexer state,
/// not on the content written so far. While the same string is written, most masks repeat that walk with the same
/// inputs, so its result is kept for the few most recent inputs of this generation.
/// </summary>
public sealed partial class JsonSchemaConstraint
{
    private const int QuoteCacheEntries = 8;
    private readonly List<(byte[] Key, uint[] Mask)> _quoteMasks = [];
    private byte[] _quoteKey = new byte[256];
    private uint[]? _quoteScratch;

    private void OrQuoteTokens(Span<uint> mask, StateSet s, in Frame top, Grammar.StringSpec spec)
    {
        if (_machine.NeedsTranscript)
        {
            WalkLexeme(_vocabulary.QuoteTrie, 0, 0, top, mask); // closing an item reads its content
            return;
        }

        var keyLength = QuoteKey(s, top, spec);
        var key = _quoteKey.AsSpan(0, keyLength);
        foreach (var (k, m) in _quoteMasks)
        {
            if (key.SequenceEqual(k))
            {
                Or(mask, m);
                return;
            }
        }

        var scratch = _quoteScratch ??= new uint[_vocabulary.MaskWords];
        Array.Clear(scratch);
        WalkLexeme(_vocabulary.QuoteTrie, 0, 0, top, scratch);
        if (_quoteMasks.Count >= QuoteCacheEntries)
        {
            _quoteScratch = _quoteMasks[0].Mask;
            _quoteMasks.RemoveAt(0);
        }
        else
        {
            _quoteScratch = null;
        }

        _quoteMasks.Add((key.ToArray(), scratch));
        Or(mask, scratch);
    }

    /// <summary>
    /// The walk's inputs as bytes: every thread's frames below the string, and the string frame's spec and lexer
    /// state (its length only where the string has length bounds, its allowed keys only for keys of closed objects).
    /// </summary>
    private int QuoteKey(StateSet s, in Frame top, Grammar.StringSpec spec)
    {
        var length = 24;
        for (var t = 0; t < s.Count; t++)
        {
            length += 4 + ((s.Depths[t] - 1) * Marshal.SizeOf<Frame>());
        }

        if (_quoteKey.Length < length)
        {
            _quoteKey = new byte[Math.Max(length, _quoteKey.Length * 2)];
        }

        var key = _quoteKey.AsSpan();
        var bounded = spec.MinLength > 0 || spec.MaxLength >= 0;
        MemoryMarshal.Write(key, top.Spec);
        MemoryMarshal.Write(key[4..], top.A);
        MemoryMarshal.Write(key[8..], bounded ? top.B : 0);
        MemoryMarshal.Write(key[12..], spec.Reach is null ? 0L : top.D);
        MemoryMarshal.Write(key[20..], s.Count);
        var at = 24;
        for (var t = 0; t < s.Count; t++)
        {
            var below = s.Thread(t)[..^1];
            MemoryMarshal.Write(key[at..], below.Length);
            at += 4;
            var bytes = MemoryMarshal.AsBytes(below);
            bytes.CopyTo(key[at..]);
            at += bytes.Length;
        }

        return at;
    }
}
