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
}
