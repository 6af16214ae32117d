using HeteroAgents.Inference.Onnx;
using HeteroAgents.ModelMaker;
using HeteroAgents.Testing.Files;
using HeteroAgents.Testing.Models;

namespace HeteroAgents.Inference.Tests.TestSupport;

/// <summary>The project-built tiny Llama model (<see cref="TinyModels.Llama"/>) and its variants, loaded once per test run and shared.</summary>
internal static class TinyModel
{
    private static readonly Lazy<OnnxLanguageModel> LazyModel = new(() => OnnxLanguageModel.Load(Options()));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<OnnxLanguageModel>> Variants = new();

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Lazy<OnnxLanguageModel>> PerClass = new();

    public static string Directory => TinyModels.Llama;

    /// <summary>Other project-built variants: tiny-qwen2, tiny-fused, tiny-int8, tiny-fused-int8 (loaded once each).</summary>
    public static OnnxLanguageModel Variant(string name) => Variants.GetOrAdd(name, n => new Lazy<OnnxLanguageModel>(() =>
    {
        var preset = n.StartsWith("tiny-qwen2", StringComparison.Ordinal) ? ModelPresets.TinyQwen2 : ModelPresets.Tiny;
        var precision = n.EndsWith("int8", StringComparison.Ordinal) ? ModelPrecision.Int8 : ModelPrecision.Fp32;
        var spec = new ModelSpec(preset, Seed: 3, precision) { WriteGguf = false, Fused = n.Contains("fused", StringComparison.Ordinal) };
        var dir = TempDirectory.Create("inference-tests");
        ModelWriter.Write(spec, dir);
        return OnnxLanguageModel.Load(Options(dir));
    })).Value;

    /// <summary>A private instance of a variant (<c>tiny</c> or a <see cref="Variant"/> name) with its own options; the caller disposes it.</summary>
    public static OnnxLanguageModel Load(string name, Action<OnnxModelOptions> configure)
    {
        var options = Options(name == "tiny" ? Directory : Variant(name).Directory);
        configure(options);
        return OnnxLanguageModel.Load(options);
    }

    /// <summary>A copy of a variant's folder whose <c>genai_config.json</c> declares <paramref name="share"/> as <c>past_present_share_buffer</c>.</summary>
    public static string WithSharedBuffer(string name, bool share)
    {
        var source = name == "tiny" ? Directory : Variant(name).Directory;
        var target = TempDirectory.Create("inference-tests");
        foreach (var file in System.IO.Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        var config = Path.Combine(target, "genai_config.json");
        var text = File.ReadAllText(config);
        text = System.Text.RegularExpressions.Regex.Replace(text, "\"past_present_share_buffer\":\\s*(true|false)", "\"past_present_share_buffer\": " + (share ? "true" : "false"));
        File.WriteAllText(config, text);
        return target;
    }

    /// <summary>One loaded instance shared by every test (as a worker shares one model across requests).</summary>
    public static OnnxLanguageModel Shared => LazyModel.Value;

    /// <summary>
    /// An instance of the tiny model for one test class alone, for tests that compare two runs of a prompt to the last
    /// digits. <see cref="Shared"/>'s scheduler decodes requests from test classes running at the same time in one
    /// batch, and a batch's matrix shapes move float rounding (a 12-token log-probability of -25.3797207 read
    /// -25.3797196 beside another request); tests within one class run one at a time, so here nothing joins the batch.
    /// </summary>
    public static OnnxLanguageModel ForClass<TTestClass>() => PerClass.GetOrAdd(typeof(TTestClass), _ => new Lazy<OnnxLanguageModel>(() => OnnxLanguageModel.Load(Options()))).Value;

    public static OnnxModelOptions Options(string? directory = null) => new()
    {
        ModelPath = directory ?? Directory,
        IntraOpThreads = 1,
    };

    /// <summary>A private copy of the model folder that a test may damage.</summary>
    public static string CopyToTemp() => TinyModels.Copy(Directory);
}
