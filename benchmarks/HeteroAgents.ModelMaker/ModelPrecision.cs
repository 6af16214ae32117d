namespace HeteroAgents.ModelMaker;

/// <summary>Weight precision of the written ONNX model (and the GGUF tensor type).</summary>
public enum ModelPrecision
{
    /// <summary>32-bit float weights (GGUF F32).</summary>
    Fp32,

    /// <summary>
    /// 16-bit float weights and float16 <c>past_key_values</c> / <c>present</c> / <c>logits</c>, computed in float32 inside
    /// the graph (plain graph only; GGUF F16).
    /// </summary>
    Fp16,

    /// <summary>Weight-only int8: per-output-channel symmetric int8 MatMul weights (GGUF Q8_0).</summary>
    Int8,

    /// <summary>
    /// Weight-only int4: com.microsoft MatMulNBits (4 bits, blocks of 32, symmetric) in both graph variants (GGUF Q4_0).
    /// </summary>
    Int4,
}
