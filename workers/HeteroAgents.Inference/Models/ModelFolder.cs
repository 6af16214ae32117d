namespace HeteroAgents.Inference.Models;

/// <summary>Which ONNX file of a model folder to run, and the checks that its companion files are there.</summary>
internal static class ModelFolder
{
    /// <summary>
    /// The configured file; else the one <c>genai_config.json</c> names; else the best decoder export present for a CPU
    /// (<see cref="OnnxExports.Rank"/>: <c>onnx/model_q4.onnx</c> before <c>onnx/model.onnx</c> before <c>onnx/model_fp16.onnx</c>, …).
    /// </summary>
    public static string FindModelFile(string dir, string? configured, string? genaiFile)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var path = Path.Combine(dir, configured);
            return File.Exists(path)
                ? path
                : throw new ModelLoadException($"The configured ONNX file '{configured}' (Hetero:Onnx:ModelFile) is not in '{dir}'{Present(dir)}.");
        }

        if (genaiFile is not null && File.Exists(Path.Combine(dir, genaiFile)))
        {
            return Path.Combine(dir, genaiFile);
        }

        var best = OnnxExports.Rank(Candidates(dir)).FirstOrDefault();
        return best is not null
            ? Path.Combine(dir, best.Path)
            : throw new ModelLoadException($"No ONNX model in '{dir}': looked for {(genaiFile is null ? string.Empty : genaiFile + " (genai_config.json), ")}model.onnx, onnx/model.onnx, onnx/model_q4.onnx, onnx/model_int8.onnx, onnx/model_fp16.onnx, … and decoder_model_merged*.onnx{Present(dir)}.");
    }

    /// <summary>Fails naming the file and field when config.json says the export keeps external data that is not there.</summary>
    /// <summary>
    /// Whether the weights of <paramref name="modelFile"/> are (partly) in external data files beside it
    /// (<c>model.onnx_data</c>, <c>model.onnx.data</c>, <c>model.onnx_data_1</c>, …: files named after it).
    /// </summary>
    public static bool HasExternalData(string modelFile)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(modelFile))!;
        var name = Path.GetFileName(modelFile);
        return System.IO.Directory.EnumerateFiles(folder, name + "*").Any(f => !string.Equals(Path.GetFileName(f), name, StringComparison.Ordinal));
    }

    public static void CheckExternalData(string modelFile, ModelConfig config)
    {
        if (config.TransformersJs is not { } js)
        {
            return;
        }

        var folder = Path.GetDirectoryName(modelFile)!;
        var name = Path.GetFileName(modelFile);
        var missing = js.ExpectedDataFiles(name).Where(f => !File.Exists(Path.Combine(folder, f))).ToList();
        if (missing.Count > 0)
        {
            throw new ModelLoadException($"'{modelFile}' keeps its weights in {string.Join(", ", missing)} (config.json transformers.js_config.use_external_data_format), which is missing: download it beside the .onnx file.");
        }
    }

    /// <summary>Fails naming the field when config.json's KV-cache type for the export's dtype disagrees with the graph.</summary>
    public static void CheckKvType(string modelFile, ModelConfig config, Microsoft.ML.OnnxRuntime.Tensors.TensorElementType graphType)
    {
        if (config.TransformersJs is not { } js || OnnxExports.Parse(Path.GetFileName(modelFile)) is not { } export ||
            !(js.KvCacheDType.TryGetValue(export.DType, out var declared) || js.KvCacheDType.TryGetValue("*", out declared)))
        {
            return;
        }

        var actual = graphType switch
        {
            Microsoft.ML.OnnxRuntime.Tensors.TensorElementType.Float16 => "float16",
            Microsoft.ML.OnnxRuntime.Tensors.TensorElementType.BFloat16 => "bfloat16",
            _ => "float32",
        };
        var expected = declared == "float" ? "float32" : declared;
        if (expected != actual)
        {
            throw new ModelLoadException($"config.json transformers.js_config.kv_cache_dtype.{export.DType} is '{declared}' but '{modelFile}' has a {actual} KV cache: config and export do not match.");
        }
    }

    private static IEnumerable<string> Candidates(string dir)
    {
        foreach (var file in Directory.EnumerateFiles(dir, "*.onnx"))
        {
            yield return Path.GetFileName(file);
        }

        var onnx = Path.Combine(dir, "onnx");
        if (Directory.Exists(onnx))
        {
            foreach (var file in Directory.EnumerateFiles(onnx, "*.onnx"))
            {
                yield return "onnx/" + Path.GetFileName(file);
            }
        }
    }

    private static string Present(string dir)
    {
        var files = Candidates(dir).ToList();
        return files.Count == 0 ? " (it has no .onnx file)" : $" (it has {string.Join(", ", files)})";
    }
}
