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

    /// <summary>
    /// Adds the allowed tokens that contain a quote, every thread being inside a string (in its plain lexer state):
    /// when <paramref name="shared"/>, all threads are in the same string and only that frame is stepped until it closes.
    /// </summary>
    private void OrQuoteTokens(Span<uint> mask, StateSet s, bool shared)
    {
        if (_machine.NeedsTranscript)
        {
            WalkQuotes(mask, s, shared); // closing an item reads its content
            return;
        }

        var keyLength = QuoteKey(s);
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
        WalkQuotes(scratch, s, shared);
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

    private void WalkQuotes(Span<uint> mask, StateSet s, bool shared)
    {
        if (shared)
        {
            WalkLexeme(_vocabulary.QuoteTrie, 0, 0, s.Frames[s.Depths[0] - 1], mask);
        }
        else
        {
            Walk(_vocabulary.QuoteTrie, 0, 0, mask);
        }
    }

    /// <summary>
    /// The walk's inputs as bytes: per thread, its frames below the string and the string frame's spec and lexer
    /// state (its length only where the string has length bounds, its allowed keys only for keys of closed objects).
    /// </summary>
    private int QuoteKey(StateSet s)
    {
        const int TopBytes = 24;
        var length = 4;
        for (var t = 0; t < s.Count; t++)
        {
            length += 4 + TopBytes + ((s.Depths[t] - 1) * Marshal.SizeOf<Frame>());
        }

        if (_quoteKey.Length < length)
        {
            _quoteKey = new byte[Math.Max(length, _quoteKey.Length * 2)];
        }

        var key = _quoteKey.AsSpan();
        MemoryMarshal.Write(key, s.Count);
        var at = 4;
        for (var t = 0; t < s.Count; t++)
        {
            var thread = s.Thread(t);
            ref readonly var top = ref thread[^1];
            var spec = _machine.Strings[top.Spec];
            var bounded = spec.MinLength > 0 || spec.MaxLength >= 0;
            MemoryMarshal.Write(key[at..], top.Spec);
            MemoryMarshal.Write(key[(at + 4)..], top.A);
            MemoryMarshal.Write(key[(at + 8)..], bounded ? top.B : 0);
            MemoryMarshal.Write(key[(at + 12)..], spec.Reach is null ? 0L : top.D);
            MemoryMarshal.Write(key[(at + 20)..], thread.Length);
            at += TopBytes;
            var bytes = MemoryMarshal.AsBytes(thread[..^1]);
            bytes.CopyTo(key[at..]);
            at += bytes.Length;
        }

        return at;
    }
}
