using System.Text.Json.Nodes;
using HeteroAgents.Inference.Models;
using HeteroAgents.Inference.Onnx;
using HeteroAgents.Inference.Tests.TestSupport;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace HeteroAgents.Inference.Tests.Onnx;

public sealed class OnnxLanguageModelLoadTests
{
    [Fact]
    public void Reads_io_names_and_kv_layout_from_the_session_metadata()
    {
        var model = TinyModel.Shared;
        var sig = model.Signature;

        Assert.Equal("input_ids", sig.InputIds);
        Assert.Equal(["past_key_values.0.key", "past_key_values.0.value", "past_key_values.1.key", "past_key_values.1.value"], sig.PastNames);
        Assert.Equal(["present.0.key", "present.0.value", "present.1.key", "present.1.value"], sig.PresentNames);
        Assert.Equal(TensorElementType.Float, sig.KvType);
        Assert.Equal(model.Config.KeyValueHeadCount, sig.KvHeads);
        Assert.Equal(1024, model.VocabularySize);
        Assert.True(sig.DynamicBatch);
        Assert.Contains(model.Tokenizer.TokenId("<|im_end|>")!.Value, model.StopTokenIds);
        Assert.Equal("smollm2", model.ChatTemplate.Name);
    }

    [Fact]
    public void Missing_folder_suggests_the_pull_command()
    {
        var ex = Assert.Throws<ModelLoadException>(() => OnnxLanguageModel.Load("/nonexistent/model"));

        Assert.Contains("/nonexistent/model", ex.Message, StringComparison.Ordinal);
        Assert.Contains("hetero models pull", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("config.json")]
    [InlineData("model.onnx")]
    public void Missing_file_is_named(string file)
    {
        var dir = TinyModel.CopyToTemp();
        File.Delete(Path.Combine(dir, file));

        var ex = Assert.Throws<ModelLoadException>(() => Load(dir));

        Assert.Contains(file, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_onnx_file_is_reported_as_corrupt_with_its_path()
    {
        var dir = TinyModel.CopyToTemp();
        var path = Path.Combine(dir, "model.onnx");
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 3)]);

        var ex = Assert.Throws<ModelLoadException>(() => Load(dir));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_architecture_is_named()
    {
        var dir = EditConfig(c => c["model_type"] = "mamba");

        var ex = Assert.Throws<ModelLoadException>(() => Load(dir));

        Assert.Contains("mamba", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Layer_count_disagreement_between_config_and_graph_is_reported()
    {
        var dir = EditConfig(c => c["num_hidden_layers"] = 3);

        var ex = Assert.Throws<ModelLoadException>(() => Load(dir));

        Assert.Contains("num_hidden_layers=3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Config_vocab_size_disagreement_is_reported()
    {
        var dir = EditConfig(c => c["vocab_size"] = 2048);

        var ex = Assert.Throws<ModelLoadException>(() => Load(dir));

        Assert.Contains("vocab_size=2048", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tokenizer_with_ids_beyond_the_output_head_is_a_vocabulary_mismatch()
    {
        var dir = TinyModel.CopyToTemp();
        var path = Path.Combine(dir, "tokenizer.json");
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        json["added_tokens"]!.AsArray().Add(new JsonObject { ["id"] = 5000, ["content"] = "<|extra|>", ["special"] = true });
        File.WriteAllText(path, json.ToJsonString());

        var ex = Assert.Throws<ModelLoadException>(() => Load(dir));

        Assert.Contains("tokenizer.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains("5000", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Genai_config_names_the_file_io_names_and_context_length()
    {
        var dir = TinyModel.CopyToTemp();
        Directory.CreateDirectory(Path.Combine(dir, "cpu"));
        File.Move(Path.Combine(dir, "model.onnx"), Path.Combine(dir, "cpu", "decoder.onnx"));
        File.WriteAllText(Path.Combine(dir, "genai_config.json"), """
            {"model": {"context_length": 64, "decoder": {"filename": "cpu/decoder.onnx",
              "inputs": {"input_ids": "input_ids", "attention_mask": "attention_mask", "position_ids": "position_ids",
                         "past_key_names": "past_key_values.%d.key", "past_value_names": "past_key_values.%d.value"},
              "outputs": {"logits": "logits", "present_key_names": "present.%d.key", "present_value_names": "present.%d.value"}}},
             "search": {"past_present_share_buffer": false}}
            """);

        using var model = OnnxLanguageModel.Load(TinyModel.Options(dir));

        Assert.Equal(64, model.ContextWindow);
        Assert.EndsWith(Path.Combine("cpu", "decoder.onnx"), model.ModelFile, StringComparison.Ordinal);
        Assert.Equal("present.1.value", model.Signature.PresentNames[3]);
    }

    [Fact]
    public void Genai_config_naming_an_absent_output_is_reported()
    {
        var dir = TinyModel.CopyToTemp();
        File.WriteAllText(Path.Combine(dir, "genai_config.json"), """
            {"model": {"decoder": {"outputs": {"present_key_names": "present_key.%d"}}}}
            """);

        var ex = Assert.Throws<ModelLoadException>(() => Load(dir));

        Assert.Contains("present_key.0", ex.Message, StringComparison.Ordinal);
    }

    private static string EditConfig(Action<JsonNode> edit)
    {
        var dir = TinyModel.CopyToTemp();
        var path = Path.Combine(dir, "config.json");
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        edit(json);
        File.WriteAllText(path, json.ToJsonString());
        return dir;
    }

    private static void Load(string dir)
    {
        using var model = OnnxLanguageModel.Load(TinyModel.Options(dir));
    }
}
