namespace HeteroAgents.Decoding.Grammar;

/// <summary>
/// A position that expects one JSON value. The first significant byte selects the spec: <c>{</c> object,
/// <c>[</c> array, <c>"</c> string, <c>-</c>/digit number, anything else literal.
/// A node with <see cref="Branches"/> forks the parse into one thread per branch; a node with a <see cref="Group"/>
/// runs one thread set per member and joins them where the value ends.
/// </summary>
internal sealed class ValueNode
{
    public int[]? Branches { get; set; }

    public int Object { get; set; } = -1;

    public int Array { get; set; } = -1;

    public int String { get; set; } = -1;

    public int Number { get; set; } = -1;

    /// <summary>A literal automaton over raw JSON bytes: the allowed subset of true/false/null.</summary>
    public int Literal { get; set; } = -1;

    /// <summary>A group (index into the grammar's groups) checking the value against several schemas at once, or -1.</summary>
    public int Group { get; set; } = -1;
}
