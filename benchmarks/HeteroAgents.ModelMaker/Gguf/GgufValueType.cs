namespace HeteroAgents.ModelMaker.Gguf;

/// <summary>GGUF metadata value types (gguf.md, <c>gguf_metadata_value_type</c>).</summary>
internal enum GgufValueType : uint
{
    UInt32 = 4,
    Int32 = 5,
    Float32 = 6,
    Bool = 7,
    String = 8,
    Array = 9,
}
