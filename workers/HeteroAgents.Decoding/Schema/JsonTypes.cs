namespace HeteroAgents.Decoding.Schema;

/// <summary>The JSON instance types a schema admits; <c>number</c> is <see cref="Number"/> | <see cref="Integer"/>.</summary>
[Flags]
internal enum JsonTypes
{
    None = 0,
    Null = 1,
    Boolean = 2,
    Object = 4,
    Array = 8,
    String = 16,
    Number = 32,
    Integer = 64,
    All = 127,
}
