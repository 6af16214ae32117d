using HeteroAgents.Inference.Onnx;
using HeteroAgents.Inference.Tests.TestSupport;
using HeteroAgents.ModelMaker;
using HeteroAgents.Testing.Files;

namespace HeteroAgents.Inference.Tests.Onnx;

/// <summary>
/// <see cref="OnnxModelOptions.Float32Prefill"/>: a 4-bit model's prompt chunks run on a second session whose matrix
/// products compute in float32, and give what a file written with float32 compute (<c>make-model --accuracy-level 1</c>)
/// gives; without it they give the int8-compute result; decode and candidate scoring stay on the int8-compute session;
/// 8-bit weights, external data and graphs already in float32 compute keep one session.
/// </summary>
public sealed class Float32PrefillTests
{
    private static readonly Lazy<(string Int8Compute, string Float32Compute)> Models = new(() =>
    {
        var int8 = TempDirectory.Create("inference-tests");
        var float32 = TempDirectory.Create("inference-tests");
        ModelWriter.Write(new ModelSpec(ModelPresets.Tiny, Seed: 3, ModelPrecision.Int4) { WriteGguf = false, Fused = true }, int8);
        ModelWriter.Write(new ModelSpec(ModelPresets.Tiny, Seed: 3, ModelPrecision.Int4) { WriteGguf = false, Fused = true, AccuracyLevel = 1 }, float32);
        return (int8, float32);
    });

    [Fact]
    public void Prompt_chunks_compute_in_float32_on_the_prompt_session_and_decode_in_int8()
    {
        using var fast = OnnxLanguageModel.Load(Options(Models.Value.Int8Compute, Float32PrefillMode.On));
        using var single = OnnxLanguageModel.Load(Options(Models.Value.Int8Compute, Float32PrefillMode.Off));
        using var reference = OnnxLanguageModel.Load(Options(Models.Value.Float32Compute, Float32PrefillMode.On));
        var prompt = fast.Tokenizer.Encode(string.Concat(Enumerable.Repeat("Label the ticket: the parcel arrived broken and I want my money back. ", 4))).ToArray();
        Assert.True(prompt.Length >= DecoderState.PromptSessionMinTokens);

        Assert.True(fast.Float32Prefill);
        Assert.Null(fast.PromptSessionProbe);
        Assert.False(single.Float32Prefill);
        // A graph without int8-compute MatMulNBits has nothing to switch: one session.
        Assert.False(reference.Float32Prefill);

        var onPromptSession = LastLogits(fast, prompt, lastPositionOnly: true);
        var float32 = LastLogits(reference, prompt, lastPositionOnly: true);
        var int8 = LastLogits(single, prompt, lastPositionOnly: true);
        Assert.True(MaxDifference(onPromptSession, float32) < 1e-4f, $"prompt session vs float32-compute file: {MaxDifference(onPromptSession, float32)}");
        Assert.True(MaxDifference(int8, float32) > 1e-3f, $"int8 and float32 compute gave the same logits ({MaxDifference(int8, float32)}): the comparison would prove nothing");

        // All positions' logits (candidate scoring) and chunks too short to gain (a prompt's rest after a prefix-cache hit)
        // stay on the int8-compute session.
        Assert.True(MaxDifference(LastLogits(fast, prompt, lastPositionOnly: false), LastLogits(single, prompt, lastPositionOnly: false)) < 1e-6f);
        var shortChunk = prompt[..(DecoderState.PromptSessionMinTokens - 1)];
        Assert.True(MaxDifference(LastLogits(fast, shortChunk, lastPositionOnly: true), LastLogits(single, shortChunk, lastPositionOnly: true)) < 1e-6f);
    }

    [Fact]
    public void A_model_with_external_data_keeps_one_session()
    {
        var dir = TempDirectory.Create("inference-tests");
        ModelWriter.Write(new ModelSpec(ModelPresets.Tiny, Seed: 3, ModelPrecision.Int4) { WriteGguf = false, Fused = true, ExternalData = true }, dir);

        using var model = OnnxLanguageModel.Load(Options(dir, Float32PrefillMode.On));

        Assert.False(model.Float32Prefill);
    }

    [Fact]
    public void An_8_bit_model_keeps_int8_compute_and_one_session()
    {
        // ONNX Runtime's 8-bit float32-compute kernel is slower than its int8-compute one in prompt chunks as well.
        using var model = TinyModel.Load("tiny-fused-int8", o => o.Float32Prefill = Float32PrefillMode.On);

        Assert.False(model.Float32Prefill);
        Assert.Equal(0, Float32PrefillGraph.Patch(File.ReadAllBytes(model.ModelFile)));
    }

    [Fact]
    public void The_switch_rewrites_every_int8_compute_attribute_once()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Models.Value.Int8Compute, "model.onnx"));
        var written = File.ReadAllBytes(Path.Combine(Models.Value.Float32Compute, "model.onnx"));

        var changed = Float32PrefillGraph.Patch(bytes);

        // Every MatMulNBits of the tiny fused graph: packed qkv, o, packed gate/up and down per layer, and the LM head.
        Assert.Equal((4 * ModelPresets.Tiny.NumLayers) + 1, changed);
        Assert.Equal(0, Float32PrefillGraph.Patch(bytes));
        Assert.Equal(written, bytes);
    }

    [Fact]
    public void A_truncated_or_foreign_file_is_reported_as_invalid_data_and_left_alone()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Models.Value.Int8Compute, "model.onnx"));
        var truncated = bytes[..(bytes.Length / 2)];
        var copy = truncated.ToArray();

        Assert.Throws<InvalidDataException>(() => Float32PrefillGraph.Patch(truncated, apply: false));
        Assert.Equal(copy, truncated);
        // A graph field whose length runs far past the end of the file.
        Assert.Throws<InvalidDataException>(() => Float32PrefillGraph.Patch(new byte[] { 0x3A, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x00 }, apply: false));
    }

    [Fact]
    public void Auto_times_a_prompt_chunk_on_both_sessions_and_keeps_the_second_only_where_it_pays()
    {
        using var model = OnnxLanguageModel.Load(Options(Models.Value.Int8Compute, Float32PrefillMode.Auto));

        var probe = Assert.IsType<PromptSessionProbe>(model.PromptSessionProbe);
        Assert.Equal(Math.Min(PromptSessionProbe.ProbeTokens, model.PrefillChunk), probe.Tokens);
        Assert.True(probe.Int8Compute > TimeSpan.Zero && probe.Float32Compute > TimeSpan.Zero);
        Assert.Equal(probe.Int8Compute / probe.Float32Compute >= PromptSessionProbe.RequiredSpeedup, probe.KeepsPromptSession);
        Assert.Equal(probe.KeepsPromptSession, model.Float32Prefill);
        Assert.Contains(probe.Tokens + "-token chunk", probe.ToString(), StringComparison.Ordinal);

        // Nothing to measure where there is no second session to offer.
        using var eightBit = TinyModel.Load("tiny-fused-int8", o => o.Float32Prefill = Float32PrefillMode.Auto);
        Assert.Null(eightBit.PromptSessionProbe);
    }

    [Fact]
    public void Prefill_chunks_too_short_for_the_prompt_session_keep_one_session()
    {
        var options = Options(Models.Value.Int8Compute, Float32PrefillMode.On);
        options.PrefillChunkTokens = DecoderState.PromptSessionMinTokens - 1;

        using var model = OnnxLanguageModel.Load(options);

        Assert.False(model.Float32Prefill);
        Assert.Null(model.PromptSessionProbe);
    }

    private static OnnxModelOptions Options(string dir, Float32PrefillMode float32Prefill)
    {
        var options = TinyModel.Options(dir);
        options.Float32Prefill = float32Prefill;
        return options;
    }

    private static float[] LastLogits(OnnxLanguageModel model, int[] prompt, bool lastPositionOnly)
    {
        using var state = model.CreateState(1, prompt.Length, chunk: prompt.Length);
        state.Forward(prompt, prompt.Length, CancellationToken.None, lastPositionOnly);
        return state.Row(0, state.RowsPerSequence - 1).ToArray();
    }

    private static float MaxDifference(float[] a, float[] b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Max();
}
