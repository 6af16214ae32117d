namespace HeteroAgents.ModelMaker.Onnx;

/// <summary>
/// A block-quantized [n, k] matrix in a graph: the initializer names of its codes and scales (and of the scales in
/// the row-lookup shape, when written) and the MatMulNBits attributes that describe them.
/// </summary>
internal sealed record QuantizedMatrix(string Packed, string Scales, string? RowScales, int N, int K, int Bits, int Block);
