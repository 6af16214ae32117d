namespace HeteroAgents.ModelMaker.Gguf;

/// <summary>The ggml tensor types the writer produces (values from ggml.h).</summary>
internal enum GgmlType : uint
{
    F32 = 0,
    F16 = 1,
    Q4_0 = 2,
    Q8_0 = 8,
}
