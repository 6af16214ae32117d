namespace HeteroAgents.Inference.Models;

/// <summary>One ONNX export of a decoder in a model folder or repository, e.g. <c>onnx/model_q4.onnx</c>.</summary>
/// <param name="Path">The file's path inside the folder, with forward slashes.</param>
/// <param name="DType">The transformers.js dtype the file name stands for: fp32, fp16, q4, q4f16, int8, uint8, q8, bnb4.</param>
public sealed record OnnxExport(string Path, string DType)
{
    /// <summary>Whether the weights are quantized (smaller download, faster on CPU).</summary>
    public bool Quantized => DType is not ("fp32" or "fp16");

    /// <summary>Whether the graph computes in float16 (meant for GPUs; slow on CPU).</summary>
    public bool HalfPrecision => DType is "fp16" or "q4f16";
}
