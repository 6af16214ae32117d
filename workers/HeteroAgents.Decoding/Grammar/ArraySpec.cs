namespace HeteroAgents.Decoding.Grammar;

/// <summary>An array's item nodes and length bounds; <see cref="Items"/> is -1 when no items beyond the prefix are allowed.</summary>
internal sealed class ArraySpec
{
    public required int[] Prefix { get; init; }

    public required int Items { get; init; }

    public int MinItems { get; init; }

    public int MaxItems { get; init; } = -1;

    /// <summary>With <c>contains</c>: the fewest and most items (-1: no limit) matching it; item nodes then report matches.</summary>
    public int MinContains { get; init; }

    public int MaxContains { get; init; } = -1;

    /// <summary>Items must be pairwise distinct JSON values (<c>uniqueItems: true</c>).</summary>
    public bool UniqueItems { get; init; }

    public int ItemNode(int index) => index < Prefix.Length ? Prefix[index] : Items;
}
