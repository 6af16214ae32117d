using HeteroAgents.ModelMaker;

namespace HeteroAgents.ModelMaker.Tests.Onnx;

/// <summary>The fused graph (com.microsoft CPU operators) against the plain opset-17 graph of the same weights.</summary>
public sealed class FusedAttentionTests(ModelFixture fixture) : IClassFixture<ModelFixture>
{
    private static readonly long[] Prompt = [5, 17, 300, 42, 999, 7, 128, 64, 3];

    public static TheoryData<string> TinyPresets => new() { "tiny", "tiny-qwen2", "tiny-qwen3" };

    // Quantized greedy output of a random model legitimately drifts from fp32 at near-ties (tiny-qwen3 seed 1 at step 7).
    public static TheoryData<string> GreedyPresets => new() { "tiny", "tiny-qwen2" };

    [Theory]
    [MemberData(nameof(TinyPresets))]
    public void Fused_fp32_logits_and_cache_match_the_plain_graph(string presetName)
    {
        var preset = ModelPresets.Get(presetName);
        using var plain = new OrtDecoder(fixture.Get(new ModelSpec(preset)).OnnxModel, preset);
        using var fused = new OrtDecoder(fixture.Get(new ModelSpec(preset) { Fused = true }).OnnxModel, preset);
        Assert.Equal(plain.Session.InputNames, fused.Session.InputNames);
        Assert.Equal(plain.Session.OutputNames, fused.Session.OutputNames);

        var expected = plain.RunSequence(Prompt);
        var actual = fused.RunSequence(Prompt);

        Assert.Equal(expected.LogitsShape, actual.LogitsShape);
        AssertClose(expected.Logits, actual.Logits, 2e-3f);
        AssertClose(expected.Keys[^1], actual.Keys[^1], 1e-3f);
        AssertClose(expected.Values[0], actual.Values[0], 1e-3f);
    }

    [Theory]
    [MemberData(nameof(TinyPresets))]
    public void Fused_decode_step_with_the_cache_equals_the_full_sequence(string presetName)
    {
        var preset = ModelPresets.Get(presetName);
        using var fused = new OrtDecoder(fixture.Get(new ModelSpec(preset) { Fused = true }).OnnxModel, preset);
        var full = fused.RunSequence(Prompt);
        var prefix = fused.RunSequence(Prompt[..^1]);

        var step = fused.Run([[Prompt[^1]]], [Enumerable.Repeat(1L, Prompt.Length).ToArray()], [[Prompt.Length - 1]], prefix);

        Assert.Equal(Prompt.Length, step.PresentLength);
        AssertClose(full.Logits.AsSpan((Prompt.Length - 1) * preset.VocabSize).ToArray(), step.Logits, 1e-3f);
    }

    [Theory]
    [MemberData(nameof(GreedyPresets))]
    public void Fused_int8_greedy_tokens_match_plain_fp32(string presetName)
    {
        var preset = ModelPresets.Get(presetName);
        using var plain = new OrtDecoder(fixture.Get(new ModelSpec(preset)).OnnxModel, preset);
        using var int8 = new OrtDecoder(fixture.Get(new ModelSpec(preset, Precision: ModelPrecision.Int8) { Fused = true }).OnnxModel, preset);

        var expected = OrtGreedy.Generate(plain, Prompt, 12, preset.VocabSize);
        var actual = OrtGreedy.Generate(int8, Prompt, 12, preset.VocabSize);

        Assert.Equal(expected, actual);
    }

    private static void AssertClose(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, float tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        var worst = 0f;
        for (var i = 0; i < expected.Length; i++)
        {
            worst = MathF.Max(worst, MathF.Abs(expected[i] - actual[i]));
        }

        Assert.True(worst <= tolerance, $"max |diff| {worst} > {tolerance}");
    }
}
