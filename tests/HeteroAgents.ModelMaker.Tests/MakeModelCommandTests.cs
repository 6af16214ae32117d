using HeteroAgents.ModelMaker;

namespace HeteroAgents.ModelMaker.Tests;

public sealed class MakeModelCommandTests
{
    [Fact]
    public void Block_size_defaults_to_llama_cpps_32_and_takes_64()
    {
        var plain = MakeModelCommand.Parse(["--preset", "tiny", "--precision", "int4", "--out", "x"], out _);
        var coarse = MakeModelCommand.Parse(["--preset", "tiny", "--precision", "int8", "--block-size", "64", "--out", "x"], out _);

        Assert.Equal(32, plain.BlockSize);
        Assert.Equal(64, coarse.BlockSize);
    }

    [Theory]
    [InlineData("tiny", "48", "int4", "'48' is not 32 or 64")]
    [InlineData("tiny", "64", "fp32", "applies to int8 and int4 weights, not fp32")]
    [InlineData("tiny-qwen3", "64", "int4", "tiny-qwen3's intermediate size 160 is not a multiple of 64")]
    public void Bad_block_size_is_refused_naming_the_value(string preset, string blockSize, string precision, string message)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            MakeModelCommand.Parse(["--preset", preset, "--precision", precision, "--block-size", blockSize, "--out", "x"], out _));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accuracy_level_defaults_to_int8_compute_and_takes_float32()
    {
        Assert.Equal(4, MakeModelCommand.Parse(["--preset", "tiny", "--precision", "int4", "--out", "x"], out _).AccuracyLevel);
        Assert.Equal(1, MakeModelCommand.Parse(["--preset", "tiny", "--precision", "int4", "--accuracy-level", "1", "--out", "x"], out _).AccuracyLevel);
        Assert.Contains("'2' is not 1", Assert.Throws<ArgumentException>(() =>
            MakeModelCommand.Parse(["--preset", "tiny", "--precision", "int4", "--accuracy-level", "2", "--out", "x"], out _)).Message, StringComparison.Ordinal);
        Assert.Contains("applies to int8 and int4 weights, not fp32", Assert.Throws<ArgumentException>(() =>
            MakeModelCommand.Parse(["--preset", "tiny", "--accuracy-level", "1", "--out", "x"], out _)).Message, StringComparison.Ordinal);
    }
}
