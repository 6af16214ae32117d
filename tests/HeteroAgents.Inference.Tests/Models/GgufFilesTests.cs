using HeteroAgents.Inference.Models;

namespace HeteroAgents.Inference.Tests.Models;

public sealed class GgufFilesTests
{
    [Theory]
    [InlineData("Qwen2.5-0.5B-Instruct-Q4_K_M.gguf", "Q4_K_M")]
    [InlineData("smollm2-135m-instruct-q8_0.gguf", "Q8_0")]
    [InlineData("gguf/model.IQ4_XS.gguf", "IQ4_XS")]
    [InlineData("model-f16-00001-of-00003.gguf", "F16")]
    [InlineData("model.gguf", "unknown")]
    public void Quantization_is_read_from_the_file_name(string path, string expected)
        => Assert.Equal(expected, GgufFiles.QuantizationOf(path));

    [Fact]
    public void A_split_model_is_chosen_with_all_its_parts_in_order()
    {
        var (files, quantization) = GgufFiles.Choose(["m-Q8_0-00002-of-00002.gguf", "m-Q8_0-00001-of-00002.gguf", "m-F16.gguf", "README.md"]);

        Assert.Equal("Q8_0", quantization);
        Assert.Equal(["m-Q8_0-00001-of-00002.gguf", "m-Q8_0-00002-of-00002.gguf"], files);
    }

    [Fact]
    public void Without_gguf_model_files_nothing_is_chosen()
    {
        var (files, _) = GgufFiles.Choose(["config.json", "mmproj-model-f16.gguf", "model.safetensors"]);

        Assert.Empty(files);
    }

    [Fact]
    public void A_file_without_a_known_quantization_is_chosen_when_it_is_the_only_one()
        => Assert.Equal(["model.gguf"], GgufFiles.Choose(["model.gguf", "notes.txt"]).Files);
}
