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
