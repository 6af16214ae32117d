namespace HeteroAgents.ModelMaker;

/// <summary>Weight precision of the written ONNX model (and the GGUF tensor type).</summary>
public enum ModelPrecision
{
    /// <summary>32-bit float weights (GGUF F32).</summary>
    Fp32,

    /// <summary>Weight-only int8: per-output-channel symmetric int8 MatMul weights (GGUF Q8_0).</summary>
    Int8,
}
