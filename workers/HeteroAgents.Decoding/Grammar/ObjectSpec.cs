using HeteroAgents.Decoding.Regex;

namespace HeteroAgents.Decoding.Grammar;

/// <summary>An object's keys and value nodes. Property indexes follow the schema's <c>properties</c> order.</summary>
internal sealed class ObjectSpec
{
    public required string[] Names { get; init; }

    /// <summary>The string spec (index into the grammar's strings) that lexes keys through <see cref="KeyDfa"/>.</summary>
    public required int KeyString { get; init; }

    public required ByteDfa KeyDfa { get; init; }

    /// <summary>Per key-DFA tag set: the property index (-1 for an additional/pattern key) and the value node.</summary>
    public required (int Property, int Node)[] KeyTargets { get; init; }

    public required UInt128 RequiredMask { get; init; }

    /// <summary>Per property index: the required properties that come before it (schema-order mode).</summary>
    public required UInt128[] RequiredBefore { get; init; }

    public required bool AllowsOtherKeys { get; init; }

    public int MinProperties { get; init; }

    public int MaxProperties { get; init; } = -1;

    /// <summary>Properties whose presence makes the object invalid (schema false, or a dependency that can never be met).</summary>
    public UInt128 Forbidden { get; init; }

    /// <summary><c>dependentRequired</c>: when the property is present, the properties in the mask must be too (checked at the end).</summary>
    public (int Property, UInt128 Required)[] Dependencies { get; init; } = [];

    /// <summary>
    /// A formula over which named properties are present (atom i: property i), from conditions made of presence
    /// predicates; checked three-valued as keys arrive (a key that makes it false is refused) and exactly at the end.
    /// </summary>
    public BoolExpr? Presence { get; init; }
}
