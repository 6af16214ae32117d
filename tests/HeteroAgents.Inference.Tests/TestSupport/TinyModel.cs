using HeteroAgents.Inference.Onnx;
using HeteroAgents.ModelMaker;

namespace HeteroAgents.Inference.Tests.TestSupport;

/// <summary>The project-built tiny Llama model (seeded random weights), written once per test run and shared.</summary>
internal static class TinyModel
{
    private static readonly Lazy<string> LazyDirectory = new(Create);
    private static readonly Lazy<OnnxLanguageModel> LazyModel = new(() => OnnxLanguageModel.Load(Options()));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<OnnxLanguageModel>> Variants = new();

    public static string Directory => LazyDirectory.Value;

    /// <summary>Other project-built variants: tiny-qwen2, tiny-fused, tiny-int8, tiny-fused-int8 (loaded once each).</summary>
    public static OnnxLanguageModel Variant(string name) => Variants.GetOrAdd(name, n => new Lazy<OnnxLanguageModel>(() =>
    {
        var preset = n.StartsWith("tiny-qwen2", StringComparison.Ordinal) ? ModelPresets.TinyQwen2 : ModelPresets.Tiny;
        var precision = n.EndsWith("int8", StringComparison.Ordinal) ? ModelPrecision.Int8 : ModelPrecision.Fp32;
        var spec = new ModelSpec(preset, Seed: 3, precision) { WriteGguf = false, Fused = n.Contains("fused", StringComparison.Ordinal) };
        var dir = TempDirectory.Create();
        ModelWriter.Write(spec, dir);
        return OnnxLanguageModel.Load(Options(dir));
    })).Value;

    /// <summary>One loaded instance shared by every test (as a worker shares one model across requests).</summary>
    public static OnnxLanguageModel Shared => LazyModel.Value;

    public static OnnxModelOptions Options(string? directory = null) => new()
    {
        ModelPath = directory ?? Directory,
        IntraOpThreads = 1,
    };

    /// <summary>A private copy of the model folder that a test may damage.</summary>
    public static string CopyToTemp()
    {
        var target = TempDirectory.Create();
        foreach (var file in System.IO.Directory.GetFiles(Directory))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return target;
    }

    private static string Create()
    {
        var dir = TempDirectory.Create();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var rc = MakeModelCommand.Run(["--arch", "llama", "--preset", "tiny", "--seed", "7", "--no-gguf", "--out", dir], stdout, stderr);
        if (rc != 0)
        {
            throw new InvalidOperationException($"make-model failed ({rc}): {stderr}");
        }

        return dir;
    }
}
