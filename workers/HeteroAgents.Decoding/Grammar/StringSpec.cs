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

    /// <summary>For keys: the automaton of the "any other key" part (any string, or the names <c>propertyNames</c> allows).</summary>
    public ByteDfa? AnyDfa { get; init; }

    /// <summary>For keys of objects that allow no other keys: per DFA state, the properties still reachable (see <see cref="KeyAutomata.Reach"/>).</summary>
    public ulong[]? Reach { get; init; }

    /// <summary>
    /// False for keys of closed objects whose names need no escaping: the only spelling of such a key is its plain
    /// text, so escape sequences (equivalent but useless spellings) are not offered. A documented restriction.
    /// </summary>
    public bool AllowEscapes { get; init; } = true;

    /// <summary>Whether <see cref="Dfa"/> is shared process-wide (its content masks are cached per vocabulary); every automaton from <see cref="DfaCache"/> is.</summary>
    public bool SharedDfa { get; init; }
}
