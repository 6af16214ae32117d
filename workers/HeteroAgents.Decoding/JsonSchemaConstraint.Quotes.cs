using System.Runtime.InteropServices;
using HeteroAgents.Decoding.Runtime;

namespace HeteroAgents.Decoding;

/// <summary>
/// The tokens containing a quote, inside a string shared by all threads: their walk (closing the string, then
/// whatever follows in the token) depends only on the frames below the string and on the string's own lexer state,
/// not on the content written so far. While the same string is written, most masks repeat that walk with the same
/// inputs, and later generations of the grammar meet the same strings again, so its result is kept in the grammar's
/// shared mask cache under those inputs.
/// </summary>
public sealed partial class JsonSchemaConstraint
{
    private const byte QuoteKeyTag = (byte)'Q';
    private uint[]? _quoteScratch;

    /// <summary>
    /// Adds the allowed tokens that contain a quote, every thread being inside a string (in its plain lexer state):
    /// when <paramref name="shared"/>, all threads are in the same string and only that frame is stepped until it closes.
    /// </summary>
    private void OrQuoteTokens(Span<uint> mask, StateSet s, bool shared)
    {
        if (_machine.NeedsTranscript || !_masks.Enabled)
        {
            WalkQuotes(mask, s, shared); // closing an item reads its content
            return;
        }

        var key = QuoteKey(s, QuoteKeyTag);
        if (_masks.TryGet(key, out var known))
        {
            known.OrInto(mask);
            return;
        }

        var scratch = _quoteScratch ??= new uint[_vocabulary.MaskWords];
        Array.Clear(scratch);
        WalkQuotes(scratch, s, shared);
        _masks.Add(key, scratch);
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
    /// The walk's inputs as bytes (after <paramref name="tag"/>, which says what the entry holds): per thread, its frames below the string (normalized as in <see cref="StateKey"/>)
    /// and the string frame's spec and lexer state (its length only where the string has length bounds, its allowed
    /// keys only for keys of closed objects).
    /// </summary>
    private ReadOnlySpan<byte> QuoteKey(StateSet s, byte tag)
    {
        const int TopBytes = 24;
        var key = KeyBuffer(s, TopBytes);
        key[0] = tag;
        MemoryMarshal.Write(key[1..], s.Count);
        var at = 5;
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
            at = WriteFrames(thread[..^1], s.Position, key, at);
        }

        return key[..at];
    }
}
