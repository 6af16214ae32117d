namespace HeteroAgents.Decoding.Grammar;

/// <summary>An array's item nodes and length bounds; <see cref="Items"/> is -1 when no items beyond the prefix are allowed.</summary>
internal sealed class ArraySpec
{
    public required int[] Prefix { get; init; }

    public required int Items { get; init; }

    public int MinItems { get; init; }

    public int MaxItems { get; init; } = -1;

    /// <summary>
    /// Up to two <c>contains</c> schemas: the fewest and most items (-1: no limit) matching each; item nodes then
    /// report matches (bit i for the i-th), counted in the array frame.
    /// </summary>
    public (int Min, int Max)[] Contains { get; init; } = [];

    /// <summary>Items must be pairwise distinct JSON values (<c>uniqueItems: true</c>).</summary>
    public bool UniqueItems { get; init; }

    public int ItemNode(int index) => index < Prefix.Length ? Prefix[index] : Items;
}
