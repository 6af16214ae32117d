using System.Text.Json;
using HeteroAgents.Inference.Models;
using HeteroAgents.Inference.Onnx;
using HeteroAgents.Inference.Tests.TestSupport;

namespace HeteroAgents.Inference.Tests.Onnx;

/// <summary>The ONNX Runtime GenAI model-builder layout (<c>genai_config.json</c>, shared past/present buffers) and the execution provider choice.</summary>
public sealed class GenAiLayoutTests
{
    [Fact]
    public void Make_model_writes_genai_config_and_the_fused_graph_loads_with_a_shared_kv_buffer()
    {
        var fused = TinyModel.Variant("tiny-fused");
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(fused.Directory, "genai_config.json")));
        Assert.True(doc.RootElement.GetProperty("search").GetProperty("past_present_share_buffer").GetBoolean());
        Assert.Equal("past_key_values.%d.key", doc.RootElement.GetProperty("model").GetProperty("decoder").GetProperty("inputs").GetProperty("past_key_names").GetString());
        Assert.True(fused.Signature.SharedBuffer);
        Assert.True(fused.Signature.RightPadded);

        using var plainDoc = JsonDocument.Parse(File.ReadAllText(Path.Combine(TinyModel.Directory, "genai_config.json")));
        Assert.False(plainDoc.RootElement.GetProperty("search").GetProperty("past_present_share_buffer").GetBoolean());
        Assert.False(TinyModel.Shared.Signature.SharedBuffer);
        Assert.False(TinyModel.Shared.Signature.RightPadded);
    }

    [Fact]
    public void A_shared_buffer_declared_for_a_plain_attention_graph_stops_the_load_naming_the_file()
    {
        var dir = TinyModel.WithSharedBuffer("tiny", share: true);

        var ex = Assert.Throws<ModelLoadException>(() => OnnxLanguageModel.Load(TinyModel.Options(dir)));

        Assert.Contains("genai_config.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains("past_present_share_buffer", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Asking_for_cuda_without_the_gpu_build_fails_with_what_to_do()
    {
        var options = TinyModel.Options();
        options.ExecutionProvider = "cuda";

        var ex = Assert.Throws<ModelLoadException>(() => OnnxLanguageModel.Load(options));

        Assert.Contains("Hetero:Onnx:ExecutionProvider", ex.Message, StringComparison.Ordinal);
        Assert.Contains("HeteroGpu=true", ex.Message, StringComparison.Ordinal);
    }
}
