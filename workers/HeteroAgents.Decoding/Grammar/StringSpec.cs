using HeteroAgents.Decoding.Regex;

namespace HeteroAgents.Decoding.Grammar;

/// <summary>A string: its decoded UTF-8 content must be accepted by <see cref="Dfa"/>; lengths count code points.</summary>
internal sealed class StringSpec
{
    public required ByteDfa Dfa { get; init; }

    public int MinLength { get; init; }

    public int MaxLength { get; init; } = -1;

    /// <summary>Key strings report their final DFA state to the enclosing object.</summary>
    public bool IsKey { get; init; }

    /// <summary>
    /// For keys: the automaton of the named properties and patterns alone, and per key-DFA state the state of that
    /// automaton and of <see cref="DfaCache.AnyString"/> (-1 where that part is dead). Content masks of a key state
    /// are the union of the two parts' cached masks.
    /// </summary>
    public ByteDfa? NamesDfa { get; init; }

    public int[]? NamesState { get; init; }

    public int[]? AnyState { get; init; }

    /// <summary>
    /// For keys of objects with at most 64 named properties: per key-DFA state, the named properties (bits) whose names
    /// can still be completed from it. With <see cref="KeyReachOther"/> it lets the lexer refuse a key prefix that can
    /// only end in a property the object no longer accepts (a duplicate, or out of schema order), which would otherwise
    /// leave decoding with no allowed token. Set once at compile time.
    /// </summary>
    public ulong[]? KeyReach { get; set; }

    /// <summary>Per key-DFA state: whether a key that is not a named property (additional/pattern) can be completed from it.</summary>
    public bool[]? KeyReachOther { get; set; }

    /// <summary>Whether <see cref="Dfa"/> is shared process-wide (its content masks are cached per vocabulary).</summary>
    public bool SharedDfa { get; init; }
}
