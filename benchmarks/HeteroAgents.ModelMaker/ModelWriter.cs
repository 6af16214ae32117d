using HeteroAgents.ModelMaker.Onnx;
using HeteroAgents.ModelMaker.Tokenizer;
using HeteroAgents.ModelMaker.Weights;

namespace HeteroAgents.ModelMaker;

/// <summary>
/// Writes a complete Hugging Face-layout model folder: <c>config.json</c>, <c>generation_config.json</c>, tokenizer
/// files, <c>model.onnx</c> (Optimum decoder I/O) and, optionally, <c>model.gguf</c> with the same weights.
/// </summary>
public static class ModelWriter
{
    private const long ExternalDataThreshold = 1L << 30;

    /// <summary>Writes the model described by <paramref name="spec"/> into <paramref name="outDir"/> (created if missing).</summary>
    public static ModelFiles Write(ModelSpec spec, string outDir)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        spec.Preset.Validate();
        if (spec.Fused && spec.Precision == ModelPrecision.Fp16)
        {
            throw new ArgumentException("fp16 models are written with the plain graph only; drop --fused or use fp32/int8/int4.", nameof(spec));
        }

        Directory.CreateDirectory(outDir);
        var dir = Path.GetFullPath(outDir);
        var files = new List<string>();

        var weights = new LlamaWeights(spec.Preset, spec.Seed);
        var graph = LlamaOnnxBuilder.Build(weights, spec.Precision, spec.Fused, spec.BlockSize, spec.AccuracyLevel);
        var weightBytes = graph.Initializers.Sum(i => i.ByteLength);
        var external = spec.ExternalData ?? weightBytes > ExternalDataThreshold;

        var vocab = BpeVocabulary.Create(spec.Preset.VocabSize);
        files.AddRange(HfConfigWriter.Write(spec, vocab, dir, external));
        if (spec.WriteTokenizer)
        {
            files.AddRange(TokenizerFilesWriter.Write(vocab, spec.Preset, dir));
        }

        files.Add(GenAiConfigWriter.Write(spec, vocab, dir));
        var onnxPath = Path.Combine(dir, spec.OnnxFileName);
        Directory.CreateDirectory(Path.GetDirectoryName(onnxPath)!);
        var stale = Path.Combine(Path.GetDirectoryName(onnxPath)!, spec.OnnxDataFileName);
        if (!external && File.Exists(stale))
        {
            File.Delete(stale);
        }

        var metadata = new Dictionary<string, string>
        {
            ["heteroagents.preset"] = spec.Preset.Name,
            ["heteroagents.seed"] = spec.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["heteroagents.precision"] = spec.Precision.ToString().ToLowerInvariant(),
            ["heteroagents.graph"] = spec.Fused ? "fused-com.microsoft" : "plain-opset17",
        };
        var dataPath = OnnxModelWriter.Write(graph, onnxPath, external, metadata, spec.OnnxDataFileName);
        files.Add(onnxPath);
        if (dataPath is not null)
        {
            files.Add(dataPath);
        }

        string? ggufPath = null;
        if (spec.WriteGguf)
        {
            ggufPath = Path.Combine(dir, "model.gguf");
            Gguf.LlamaGgufWriter.Write(weights, vocab, spec.Precision, ggufPath);
            files.Add(ggufPath);
        }

        return new ModelFiles(dir, onnxPath, dataPath, ggufPath, files);
    }
}
