using HeteroAgents.Inference.Models;
using HeteroAgents.Inference.Tests.TestSupport;

namespace HeteroAgents.Inference.Tests.Models;

public sealed class ModelConfigTests
{
    [Theory]
    [InlineData("llama", ModelFamily.Llama)]
    [InlineData("mistral", ModelFamily.Llama)]
    [InlineData("qwen2", ModelFamily.Qwen2)]
    [InlineData("qwen3", ModelFamily.Qwen3)]
    [InlineData("phi3", ModelFamily.Phi3)]
    [InlineData("gemma2", ModelFamily.Gemma)]
    [InlineData("gemma3_text", ModelFamily.Gemma)]
    public void Model_types_map_to_families(string modelType, ModelFamily family)
        => Assert.Equal(family, ModelConfig.MapFamily(modelType));

    [Fact]
    public void Explicit_head_dim_wins_and_kv_heads_default_to_attention_heads()
    {
        var path = Write("""
            {"model_type": "gemma", "vocab_size": 256000, "hidden_size": 2048, "num_attention_heads": 8,
             "head_dim": 256, "num_hidden_layers": 18, "max_position_embeddings": 8192, "eos_token_id": [1, 107]}
            """);

        var config = ModelConfig.Load(path);

        Assert.Equal(256, config.HeadDimension);
        Assert.Equal(8, config.KeyValueHeadCount);
        Assert.Equal(8192, config.ContextWindow);
        Assert.Equal([1, 107], config.EosTokenIds);
    }

    [Fact]
    public void The_real_qwen3_config_reads_its_own_head_dim_and_layer_types()
    {
        var config = ModelConfig.Load(Path.Combine(RealModelFiles.Qwen3, "config.json"));

        Assert.Equal(ModelFamily.Qwen3, config.Family);
        Assert.Equal(128, config.HeadDimension);
        Assert.NotEqual(1024 / 16, config.HeadDimension);
        Assert.Equal(8, config.KeyValueHeadCount);
        Assert.Equal(28, config.LayerTypes.Count);
        Assert.Equal(40960, config.ContextWindow);
        Assert.Null(config.TransformersJs);
    }

    [Fact]
    public void The_real_smollm2_config_reads_its_transformers_js_config()
    {
        var config = ModelConfig.Load(Path.Combine(RealModelFiles.SmolLm2, "config.json"));

        Assert.Equal("float16", config.TransformersJs!.KvCacheDType["q4f16"]);
        Assert.Equal("float16", config.TransformersJs.KvCacheDType["fp16"]);
        Assert.Empty(config.TransformersJs.ExpectedDataFiles("model_q4.onnx"));
    }

    [Fact]
    public void A_gemma3_multimodal_config_reads_the_text_model_with_sliding_and_full_layers()
    {
        // Gemma 3's field names (gemma3 with a gemma3_text text_config: head_dim 256 ≠ 2560 / 8, 5 sliding : 1 full layers).
        var types = string.Join(", ", Enumerable.Range(0, 34).Select(i => i % 6 == 5 ? "\"full_attention\"" : "\"sliding_attention\""));
        var path = Write($$$"""
            {"model_type": "gemma3", "architectures": ["Gemma3ForConditionalGeneration"], "eos_token_id": [1, 106],
             "text_config": {"model_type": "gemma3_text", "vocab_size": 262208, "hidden_size": 2560, "num_attention_heads": 8,
               "num_key_value_heads": 4, "head_dim": 256, "num_hidden_layers": 34, "max_position_embeddings": 131072,
               "sliding_window": 1024, "query_pre_attn_scalar": 256, "layer_types": [{{{types}}}]}}
            """);

        var config = ModelConfig.Load(path);

        Assert.Equal(ModelFamily.Gemma, config.Family);
        Assert.Equal(256, config.HeadDimension);
        Assert.Equal(4, config.KeyValueHeadCount);
        Assert.Equal(34, config.LayerTypes.Count);
        Assert.Equal(5, config.LayerTypes.Count(t => t == "full_attention"));
        Assert.Equal([1, 106], config.EosTokenIds);
    }

    [Fact]
    public void Missing_required_field_is_named()
    {
        var path = Write("""{"model_type": "llama", "vocab_size": 10, "hidden_size": 8, "num_attention_heads": 2}""");

        var ex = Assert.Throws<ModelLoadException>(() => ModelConfig.Load(path));

        Assert.Contains("num_hidden_layers", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrongly_typed_field_is_named_with_its_value()
    {
        var path = Write("""{"model_type": "llama", "vocab_size": "many", "hidden_size": 8, "num_attention_heads": 2, "num_hidden_layers": 1}""");

        var ex = Assert.Throws<ModelLoadException>(() => ModelConfig.Load(path));

        Assert.Contains("'vocab_size'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("\"many\"", ex.Message, StringComparison.Ordinal);
    }

    private static string Write(string json)
    {
        var path = Path.Combine(TempDirectory.Create(), "config.json");
        File.WriteAllText(path, json);
        return path;
    }
}
