using HeteroAgents.ModelMaker;
using HeteroAgents.ModelMaker.Tests.Onnx;

namespace HeteroAgents.ModelMaker.Tests.Gguf;

/// <summary>
/// ONNX Runtime greedy output compared with token ids that llama.cpp produced from the GGUF of the same model
/// (recorded with benchmarks/llama-cpp/greedy.mjs, node-llama-cpp 3.22.1, see docs/MODELMAKER.md).
/// </summary>
public sealed class LlamaCppCrossCheckTests(ModelFixture fixture) : IClassFixture<ModelFixture>
{
    private static readonly long[] Prompt = [5, 17, 300, 42, 999, 7, 128, 64, 3];

    [Theory]
    [InlineData("tiny", new long[] { 1012, 342, 528, 534, 519, 845, 30, 656, 342, 503, 496, 748, 969, 884, 946, 735 })]
    [InlineData("tiny-qwen2", new long[] { 888, 888, 888, 888, 888, 446, 214, 794, 724, 899, 794, 446, 625, 795, 899, 794 })]
    public void Onnx_greedy_tokens_equal_llama_cpp_greedy_tokens_from_the_gguf(string presetName, long[] llamaCppTokens)
    {
        var preset = ModelPresets.Get(presetName);
        using var decoder = new OrtDecoder(fixture.Get(new ModelSpec(preset, Seed: 1)).OnnxModel, preset);

        var tokens = OrtGreedy.Generate(decoder, Prompt, llamaCppTokens.Length, preset.VocabSize);

        Assert.Equal(llamaCppTokens, tokens);
    }
}
