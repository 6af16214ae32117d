using System.Runtime.InteropServices;
using HeteroAgents.Decoding.Runtime;

namespace HeteroAgents.Decoding;

/// <summary>
/// Whole masks from the grammar's shared cache (<see cref="Vocabulary.GrammarMaskCache"/>), keyed by the parse state.
/// Two states with equal keys have the same future, hence the same mask: the key holds every thread's frames, with
/// the position-dependent fields made relative (<see cref="JsonMachine.NormalizeForKey"/>). Grammars with
/// <c>uniqueItems</c> are not cached (their future depends on the transcript of earlier items).
/// </summary>
public sealed partial class JsonSchemaConstraint
{
    private const byte StateKeyTag = (byte)'S';
    private readonly Vocabulary.GrammarMaskCache _masks;
    private byte[] _keyBuffer = new byte[512];

    /// <summary>
    /// Whether masks of <paramref name="s"/> come from a whole-state entry: not where all threads are in strings
    /// in their plain lexer state with content masks from the vocabulary cache (there the content changes with every
    /// token and the quote part has its own entry).
    /// </summary>
    private bool UsesStateCache(StateSet s)
    {
        if (_machine.NeedsTranscript || !_masks.Enabled)
        {
            return false;
        }

        if (SharedLexemeTop(s))
        {
            ref var top = ref s.Frames[s.Depths[0] - 1];
            if (top.Kind != Frame.String || top.State != 0)
            {
                return true;
            }

            var spec = _machine.Strings[top.Spec];
            return !((spec.NamesDfa is not null && spec.Reach is null) || spec.SharedDfa);
        }

        for (var t = 0; t < s.Count; t++)
        {
            ref var top = ref s.Frames[(t * s.MaxFrames) + s.Depths[t] - 1];
            if (top.Kind != Frame.String || top.State != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The key of the whole state <paramref name="s"/>: per thread its depth and normalized frames.</summary>
    private ReadOnlySpan<byte> StateKey(StateSet s)
    {
        var key = KeyBuffer(s, 0);
        key[0] = StateKeyTag;
        MemoryMarshal.Write(key[1..], s.Count);
        var at = 5;
        for (var t = 0; t < s.Count; t++)
        {
            var thread = s.Thread(t);
            MemoryMarshal.Write(key[at..], thread.Length);
            at = WriteFrames(thread, s.Position, key, at + 4);
        }

        return key[..at];
    }

    /// <summary>A buffer large enough for a key of <paramref name="s"/> with <paramref name="perThread"/> extra bytes per thread.</summary>
    private Span<byte> KeyBuffer(StateSet s, int perThread)
    {
        var length = 5;
        for (var t = 0; t < s.Count; t++)
        {
            length += 4 + perThread + (s.Depths[t] * Marshal.SizeOf<Frame>());
        }

        if (_keyBuffer.Length < length)
        {
            _keyBuffer = new byte[Math.Max(length, _keyBuffer.Length * 2)];
        }

        return _keyBuffer;
    }

    private int WriteFrames(ReadOnlySpan<Frame> frames, long position, Span<byte> key, int at)
    {
        foreach (var frame in frames)
        {
            var f = frame;
            _machine.NormalizeForKey(ref f, position);
            MemoryMarshal.Write(key[at..], in f);
            at += Marshal.SizeOf<Frame>();
        }

        return at;
    }
}
