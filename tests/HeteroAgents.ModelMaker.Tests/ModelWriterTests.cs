using System.Security.Cryptography;
using System.Text.Json;
using HeteroAgents.ModelMaker;

namespace HeteroAgents.ModelMaker.Tests;

public sealed class ModelWriterTests(ModelFixture fixture) : IClassFixture<ModelFixture>
{
    [Fact]
    public void Config_json_has_the_hugging_face_fields_of_the_preset()
    {
        var preset = ModelPresets.Tiny;
        var files = fixture.Get(new ModelSpec(preset, Seed: 1));
        using var json = JsonDocument.Parse(File.ReadAllText(files.Config));
        var c = json.RootElement;

        Assert.Equal("LlamaForCausalLM", c.GetProperty("architectures")[0].GetString());
        Assert.Equal("llama", c.GetProperty("model_type").GetString());
        Assert.Equal(64, c.GetProperty("hidden_size").GetInt32());
        Assert.Equal(192, c.GetProperty("intermediate_size").GetInt32());
        Assert.Equal(2, c.GetProperty("num_hidden_layers").GetInt32());
        Assert.Equal(4, c.GetProperty("num_attention_heads").GetInt32());
        Assert.Equal(2, c.GetProperty("num_key_value_heads").GetInt32());
        Assert.Equal(1024, c.GetProperty("vocab_size").GetInt32());
        Assert.Equal(512, c.GetProperty("max_position_embeddings").GetInt32());
        Assert.Equal(1e-5f, c.GetProperty("rms_norm_eps").GetSingle());
        Assert.Equal(10000f, c.GetProperty("rope_theta").GetSingle());
        Assert.False(c.GetProperty("tie_word_embeddings").GetBoolean());
        Assert.Equal(1021, c.GetProperty("bos_token_id").GetInt32());
        Assert.Equal(1023, c.GetProperty("eos_token_id").GetInt32());
        Assert.Equal("float32", c.GetProperty("torch_dtype").GetString());
    }

    [Fact]
    public void Qwen2_config_declares_bias_and_tied_embeddings()
    {
        var files = fixture.Get(new ModelSpec(ModelPresets.TinyQwen2));
        using var json = JsonDocument.Parse(File.ReadAllText(files.Config));
        var c = json.RootElement;

        Assert.Equal("Qwen2ForCausalLM", c.GetProperty("architectures")[0].GetString());
        Assert.Equal("qwen2", c.GetProperty("model_type").GetString());
        Assert.True(c.GetProperty("tie_word_embeddings").GetBoolean());
        Assert.True(c.GetProperty("attention_bias").GetBoolean());
    }

    [Fact]
    public void Same_seed_writes_identical_files_and_another_seed_different_weights()
    {
        var spec = new ModelSpec(ModelPresets.Tiny, Seed: 7);
        var a = ModelWriter.Write(spec, fixture.NewDirectory());
        var b = ModelWriter.Write(spec, fixture.NewDirectory());
        var c = ModelWriter.Write(spec with { Seed = 8 }, fixture.NewDirectory());

        Assert.Equal(a.AllFiles.Select(Path.GetFileName), b.AllFiles.Select(Path.GetFileName));
        foreach (var (left, right) in a.AllFiles.Zip(b.AllFiles))
        {
            Assert.True(Hash(left) == Hash(right), $"{Path.GetFileName(left)} differs between two writes with seed 7");
        }

        Assert.NotEqual(Hash(a.OnnxModel), Hash(c.OnnxModel));
        Assert.NotEqual(Hash(a.Gguf!), Hash(c.Gguf!));
    }

    [Fact]
    public void Command_line_rejects_bad_input_naming_the_option()
    {
        var error = new StringWriter();
        Assert.Equal(2, MakeModelCommand.Run(["--preset", "huge", "--out", "x"], TextWriter.Null, error));
        Assert.Contains("Unknown preset 'huge'", error.ToString(), StringComparison.Ordinal);

        error = new StringWriter();
        Assert.Equal(2, MakeModelCommand.Run(["--preset", "tiny", "--seed", "abc", "--out", "x"], TextWriter.Null, error));
        Assert.Contains("--seed: 'abc'", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Command_line_writes_the_model_folder()
    {
        var dir = fixture.NewDirectory();
        var output = new StringWriter();

        var code = MakeModelCommand.Run(["--arch", "llama", "--preset", "tiny", "--seed", "2", "--precision", "int8", "--no-gguf", "--out", dir], output, TextWriter.Null);

        Assert.Equal(0, code);
        Assert.True(File.Exists(Path.Combine(dir, "model.onnx")));
        Assert.False(File.Exists(Path.Combine(dir, "model.gguf")));
        Assert.Contains("Int8", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Fused_fp16_is_rejected_with_a_clear_message()
    {
        var spec = new ModelSpec(ModelPresets.Tiny, Precision: ModelPrecision.Fp16) { Fused = true, WriteGguf = false };

        var error = Assert.Throws<ArgumentException>(() => ModelWriter.Write(spec, fixture.NewDirectory()));

        Assert.Contains("fp16", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Preset_parameter_counts_match_the_real_models()
    {
        Assert.Equal(162_826_560, ModelPresets.SmolLM2_135M.ParameterCount);
        Assert.InRange(ModelPresets.Qwen25_05B.ParameterCount, 490_000_000, 500_000_000);
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}
