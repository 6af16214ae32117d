namespace HeteroAgents.Decoding.Grammar;

/// <summary>
/// A value checked against several schemas at once: one parse thread set per member, joined where the value ends.
/// Member 0 is the base schema (it also finds where the value ends); the value matches when member 0 matched and
/// <see cref="Formula"/> holds over the others. Used for <c>not</c>, overlapping <c>oneOf</c>, <c>if</c>/<c>then</c>/<c>else</c>,
/// <c>dependentSchemas</c>, <c>contains</c> and conjunctions that cannot be merged into one schema.
/// </summary>
internal sealed class GroupSpec
{
    /// <summary>Value nodes of the members; <c>Members[0]</c> is the base.</summary>
    public required int[] Members { get; init; }

    public required BoolExpr Formula { get; init; }

    /// <summary>Members whose matches are reported to the enclosing array (bit i of the report for the i-th).</summary>
    public int[] Reports { get; init; } = [];

    /// <summary>The JSON pointer of the schema the group checks (for diagnostics).</summary>
    public string Pointer { get; init; } = "#";
}
