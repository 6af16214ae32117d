namespace HeteroAgents.ModelMaker;

/// <summary>What to write: a preset, the weight seed, and the output options.</summary>
/// <param name="Preset">Model dimensions and family.</param>
/// <param name="Seed">Seed of the random weights; the same seed gives byte-identical files.</param>
/// <param name="Precision">Weight precision.</param>
public sealed record ModelSpec(ModelPreset Preset, int Seed = 1, ModelPrecision Precision = ModelPrecision.Fp32)
{
    /// <summary>Whether to also write <c>model.gguf</c> for llama.cpp (default true).</summary>
    public bool WriteGguf { get; init; } = true;

    /// <summary>
    /// Whether the ONNX weights go to <c>model.onnx.data</c>; null (default) decides by size (over 1 GiB).
    /// </summary>
    public bool? ExternalData { get; init; }

    /// <summary>
    /// Whether to write the project-built tokenizer files (default true); false for folders whose real tokenizer files
    /// are copied in afterwards (config.json still names the project tokenizer's special ids).
    /// </summary>
    public bool WriteTokenizer { get; init; } = true;

    /// <summary>Whether to write the fused graph with ONNX Runtime's com.microsoft CPU operators.</summary>
    public bool Fused { get; init; }

    /// <summary>
    /// Block size of int8/int4 weights along the input axis (MatMulNBits <c>block_size</c>): 32 (default) matches the
    /// blocks of llama.cpp's Q8_0/Q4_0; 64 stores as many bits per weight as those (one fp32 scale per 64 values against
    /// one fp16 scale per 32) with coarser scales. The GGUF file stays Q8_0/Q4_0 either way.
    /// </summary>
    public int BlockSize { get; init; } = Onnx.MatMulNBits.DefaultBlockSize;

    /// <summary>
    /// MatMulNBits <c>accuracy_level</c> of int8/int4 weights: 4 (default) computes in int8, 1 in float32 (what the
    /// runtime's float32 prompt session switches the graph to, so tests can compare against a file written that way).
    /// </summary>
    public int AccuracyLevel { get; init; } = Onnx.MatMulNBits.DefaultAccuracyLevel;

    /// <summary>Where the ONNX graph goes (default: <c>model.onnx</c> at the root).</summary>
    public ModelLayout Layout { get; init; } = ModelLayout.Transformers;

    /// <summary>The ONNX file's path inside the folder for this layout and precision, e.g. <c>onnx/model_q4.onnx</c>.</summary>
    public string OnnxFileName => Layout == ModelLayout.Transformers
        ? "model.onnx"
        : "onnx/model" + Precision switch { ModelPrecision.Fp16 => "_fp16", ModelPrecision.Int8 => "_int8", ModelPrecision.Int4 => "_q4", _ => string.Empty } + ".onnx";

    /// <summary>The external data file's name for this layout (beside the ONNX file).</summary>
    public string OnnxDataFileName => Path.GetFileName(OnnxFileName) + (Layout == ModelLayout.Transformers ? ".data" : "_data");
}
