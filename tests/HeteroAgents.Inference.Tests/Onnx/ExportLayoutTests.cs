using System.Text.Json.Nodes;
using HeteroAgents.Inference.Generation;
using HeteroAgents.Inference.Models;
using HeteroAgents.Inference.Onnx;
using HeteroAgents.Inference.Templates;
using HeteroAgents.Inference.Tests.TestSupport;
using HeteroAgents.ModelMaker;

namespace HeteroAgents.Inference.Tests.Onnx;

/// <summary>
/// The export layouts make-model writes load and run: the onnx-community / transformers.js layout for every precision
/// (onnx/model.onnx, model_fp16, model_int8, model_q4, external data in model.onnx_data with transformers.js_config),
/// Qwen3 (q/k norm, head_dim ≠ hidden/heads, layer_types); a folder with several exports runs the CPU's best one; missing
/// or inconsistent files fail naming the file and field.
/// </summary>
public sealed class ExportLayoutTests
{
    [Theory]
    [InlineData(ModelPrecision.Fp32, false, "onnx/model.onnx")]
    [InlineData(ModelPrecision.Fp32, true, "onnx/model.onnx")]
    [InlineData(ModelPrecision.Fp16, false, "onnx/model_fp16.onnx")]
    [InlineData(ModelPrecision.Int8, false, "onnx/model_int8.onnx")]
    [InlineData(ModelPrecision.Int4, false, "onnx/model_q4.onnx")]
    public async Task Onnx_community_layout_loads_and_generates(ModelPrecision precision, bool external, string expectedFile)
    {
        var dir = Write(ModelPresets.Tiny, precision, ModelLayout.OnnxCommunity, external);
        if (external)
        {
            Assert.True(File.Exists(Path.Combine(dir, "onnx", "model.onnx_data")));
        }

        using var model = OnnxLanguageModel.Load(new OnnxModelOptions { ModelPath = dir, IntraOpThreads = 1 });
        var tokens = await Generate(model);

        Assert.Equal(Path.Combine(dir, expectedFile), model.ModelFile);
        Assert.Equal(8, tokens.Count);
        Assert.Equal(precision == ModelPrecision.Fp16 ? Microsoft.ML.OnnxRuntime.Tensors.TensorElementType.Float16 : Microsoft.ML.OnnxRuntime.Tensors.TensorElementType.Float, model.Signature.KvType);
    }

    [Fact]
    public async Task The_same_weights_give_the_same_tokens_in_both_layouts()
    {
        using var transformers = OnnxLanguageModel.Load(new OnnxModelOptions { ModelPath = Write(ModelPresets.Tiny, ModelPrecision.Fp32, ModelLayout.Transformers, false), IntraOpThreads = 1 });
        using var community = OnnxLanguageModel.Load(new OnnxModelOptions { ModelPath = Write(ModelPresets.Tiny, ModelPrecision.Fp32, ModelLayout.OnnxCommunity, true), IntraOpThreads = 1 });

        Assert.Equal(await Generate(transformers), await Generate(community));
    }

    [Fact]
    public void A_folder_with_several_exports_runs_the_quantized_one_on_cpu()
    {
        var dir = Write(ModelPresets.Tiny, ModelPrecision.Fp32, ModelLayout.OnnxCommunity, false);
        ModelWriter.Write(new ModelSpec(ModelPresets.Tiny, 5, ModelPrecision.Fp16) { WriteGguf = false, Layout = ModelLayout.OnnxCommunity }, dir);
        ModelWriter.Write(new ModelSpec(ModelPresets.Tiny, 5, ModelPrecision.Int4) { WriteGguf = false, Layout = ModelLayout.OnnxCommunity }, dir);

        using var model = OnnxLanguageModel.Load(new OnnxModelOptions { ModelPath = dir, IntraOpThreads = 1 });
        using var configured = OnnxLanguageModel.Load(new OnnxModelOptions { ModelPath = dir, IntraOpThreads = 1, ModelFile = "onnx/model_fp16.onnx" });

        Assert.EndsWith(Path.Combine("onnx", "model_q4.onnx"), model.ModelFile, StringComparison.Ordinal);
        Assert.EndsWith(Path.Combine("onnx", "model_fp16.onnx"), configured.ModelFile, StringComparison.Ordinal);
        Assert.Equal(["onnx/model_q4.onnx", "onnx/model_int8.onnx", "onnx/model.onnx", "onnx/model_q4f16.onnx", "onnx/model_fp16.onnx"],
            OnnxExports.Rank(["onnx/model_fp16.onnx", "onnx/model.onnx", "onnx/model_q4f16.onnx", "onnx/model_int8.onnx", "onnx/model_q4.onnx", "onnx/tokenizer.onnx"]).Select(e => e.Path));
        Assert.Equal("onnx/model_fp16.onnx", OnnxExports.Rank(["onnx/model.onnx", "onnx/model_fp16.onnx", "onnx/model_q4.onnx"], gpu: true)[0].Path);
    }

    [Fact]
    public void Missing_external_data_is_named_with_the_config_field()
    {
        var dir = Write(ModelPresets.Tiny, ModelPrecision.Fp32, ModelLayout.OnnxCommunity, true);
        File.Delete(Path.Combine(dir, "onnx", "model.onnx_data"));

        var ex = Assert.Throws<ModelLoadException>(() => OnnxLanguageModel.Load(dir));

        Assert.Contains("model.onnx_data", ex.Message, StringComparison.Ordinal);
        Assert.Contains("use_external_data_format", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kv_cache_type_that_disagrees_with_the_graph_is_named()
    {
        var dir = Write(ModelPresets.Tiny, ModelPrecision.Fp16, ModelLayout.OnnxCommunity, false);
        EditConfig(dir, c => c["transformers.js_config"]!["kv_cache_dtype"]!["fp16"] = "float32");

        var ex = Assert.Throws<ModelLoadException>(() => OnnxLanguageModel.Load(dir));

        Assert.Contains("kv_cache_dtype.fp16", ex.Message, StringComparison.Ordinal);
        Assert.Contains("float16", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_q4f16_named_export_with_a_float16_cache_loads()
    {
        var dir = Write(ModelPresets.Tiny, ModelPrecision.Fp16, ModelLayout.OnnxCommunity, false);
        File.Move(Path.Combine(dir, "onnx", "model_fp16.onnx"), Path.Combine(dir, "onnx", "model_q4f16.onnx"));

        using var model = OnnxLanguageModel.Load(dir);

        Assert.EndsWith("model_q4f16.onnx", model.ModelFile, StringComparison.Ordinal);
    }

    [Fact]
    public void No_onnx_file_lists_what_was_looked_for_and_what_is_there()
    {
        var dir = Write(ModelPresets.Tiny, ModelPrecision.Fp32, ModelLayout.OnnxCommunity, false);
        File.Move(Path.Combine(dir, "onnx", "model.onnx"), Path.Combine(dir, "onnx", "encoder.onnx"));

        var ex = Assert.Throws<ModelLoadException>(() => OnnxLanguageModel.Load(dir));

        Assert.Contains("onnx/model_q4.onnx", ex.Message, StringComparison.Ordinal);
        Assert.Contains("onnx/encoder.onnx", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Qwen3_with_qk_norm_and_its_own_head_dim_loads_and_caches_as_it_recomputes()
    {
        var dir = Write(ModelPresets.TinyQwen3, ModelPrecision.Fp32, ModelLayout.OnnxCommunity, false);

        using var model = OnnxLanguageModel.Load(new OnnxModelOptions { ModelPath = dir, IntraOpThreads = 1 });
        var generator = new TextGenerator(model);
        var prompt = generator.EncodeChat([new ChatTurn("user", "Where is my parcel?")]);
        var result = await generator.GenerateAsync(prompt, new GenerationOptions { MaxTokens = 6, StopTokenIds = [] });

        Assert.Equal("qwen3", model.Config.ModelType);
        Assert.Equal(32, model.Config.HeadDimension);
        Assert.Equal(32, model.Signature.HeadDim);
        Assert.Equal(["full_attention", "full_attention"], model.Config.LayerTypes);
        var sequence = prompt.ToList();
        foreach (var step in result.Tokens)
        {
            using var fresh = model.CreateState(1, sequence.Count, chunk: sequence.Count);
            fresh.Forward(sequence.ToArray(), sequence.Count, CancellationToken.None);
            Assert.Equal(System.Numerics.Tensors.TensorPrimitives.IndexOfMax(fresh.Row(0, sequence.Count - 1)), step.TokenId);
            sequence.Add(step.TokenId);
        }
    }

    [Fact]
    public void Layer_types_of_the_wrong_length_are_named()
    {
        var dir = Write(ModelPresets.TinyQwen3, ModelPrecision.Fp32, ModelLayout.OnnxCommunity, false);
        EditConfig(dir, c => c["layer_types"] = new JsonArray("full_attention"));

        var ex = Assert.Throws<ModelLoadException>(() => OnnxLanguageModel.Load(dir));

        Assert.Contains("layer_types", ex.Message, StringComparison.Ordinal);
        Assert.Contains("config.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_head_dim_that_disagrees_with_the_graph_is_named()
    {
        var dir = Write(ModelPresets.TinyQwen3, ModelPrecision.Fp32, ModelLayout.OnnxCommunity, false);
        EditConfig(dir, c => c["head_dim"] = 16);

        var ex = Assert.Throws<ModelLoadException>(() => OnnxLanguageModel.Load(dir));

        Assert.Contains("head_dim=16", ex.Message, StringComparison.Ordinal);
    }

    private static string Write(ModelPreset preset, ModelPrecision precision, ModelLayout layout, bool external)
    {
        var dir = TempDirectory.Create();
        ModelWriter.Write(new ModelSpec(preset, 5, precision) { WriteGguf = false, Layout = layout, ExternalData = external }, dir);
        return dir;
    }

    private static void EditConfig(string dir, Action<JsonNode> edit)
    {
        var path = Path.Combine(dir, "config.json");
        var node = JsonNode.Parse(File.ReadAllText(path))!;
        edit(node);
        File.WriteAllText(path, node.ToJsonString());
    }

    private static async Task<List<int>> Generate(OnnxLanguageModel model)
    {
        var generator = new TextGenerator(model);
        var prompt = generator.EncodeChat([new ChatTurn("user", "Is my refund on its way?")]);
        var result = await generator.GenerateAsync(prompt, new GenerationOptions { MaxTokens = 8, StopTokenIds = [] });
        return [.. result.Tokens.Select(t => t.TokenId)];
    }
}
