namespace HeteroAgents.Decoding.Grammar;

/// <summary>An array's item nodes and length bounds; <see cref="Items"/> is -1 when no items beyond the prefix are allowed.</summary>
internal sealed class ArraySpec
{
    public required int[] Prefix { get; init; }

    public required int Items { get; init; }

    public int MinItems { get; init; }

    public int MaxItems { get; init; } = -1;

    public int ItemNode(int index) => index < Prefix.Length ? Prefix[index] : Items;
}
