using HeteroAgents.ModelMaker;
using HeteroAgents.ModelMaker.Onnx;
using HeteroAgents.ModelMaker.Tests.Reference;
using HeteroAgents.ModelMaker.Weights;
using Microsoft.ML.OnnxRuntime;

namespace HeteroAgents.ModelMaker.Tests.Onnx;

public sealed class LlamaOnnxBuilderTests(ModelFixture fixture) : IClassFixture<ModelFixture>
{
    private static readonly long[] Prompt = [5, 17, 300, 42, 999, 7, 128, 64, 3];

    public static TheoryData<string> TinyPresets => new() { "tiny", "tiny-qwen2", "tiny-qwen3" };

    [Theory]
    [MemberData(nameof(TinyPresets))]
    public void Model_has_exactly_the_optimum_decoder_inputs_and_outputs(string presetName)
    {
        var preset = ModelPresets.Get(presetName);
        using var decoder = new OrtDecoder(fixture.Get(new ModelSpec(preset)).OnnxModel, preset);
        var inputs = decoder.Session.InputMetadata;
        var outputs = decoder.Session.OutputMetadata;

        var expectedInputs = new List<string> { "input_ids", "attention_mask", "position_ids" };
        var expectedOutputs = new List<string> { "logits" };
        for (var i = 0; i < preset.NumLayers; i++)
        {
            expectedInputs.AddRange([$"past_key_values.{i}.key", $"past_key_values.{i}.value"]);
            expectedOutputs.AddRange([$"present.{i}.key", $"present.{i}.value"]);
        }

        Assert.Equal(expectedInputs, decoder.Session.InputNames);
        Assert.Equal(expectedOutputs, decoder.Session.OutputNames);
        AssertShape(inputs["input_ids"], typeof(long), ["batch_size", "sequence_length"]);
        AssertShape(inputs["attention_mask"], typeof(long), ["batch_size", "total_sequence_length"]);
        AssertShape(inputs["position_ids"], typeof(long), ["batch_size", "sequence_length"]);
        AssertShape(inputs["past_key_values.0.key"], typeof(float), ["batch_size", preset.NumKvHeads, "past_sequence_length", preset.HeadDim]);
        AssertShape(inputs["past_key_values.1.value"], typeof(float), ["batch_size", preset.NumKvHeads, "past_sequence_length", preset.HeadDim]);
        AssertShape(outputs["logits"], typeof(float), ["batch_size", "logits_length", preset.VocabSize]);
        AssertShape(decoder.Session.OverridableInitializerMetadata["logits_to_keep"], typeof(long), []);
        AssertShape(outputs["present.1.key"], typeof(float), ["batch_size", preset.NumKvHeads, "total_sequence_length", preset.HeadDim]);
        AssertShape(outputs["present.0.value"], typeof(float), ["batch_size", preset.NumKvHeads, "total_sequence_length", preset.HeadDim]);
    }

    [Theory]
    [MemberData(nameof(TinyPresets))]
    public void Logits_match_a_naive_reference_forward_pass(string presetName)
    {
        var preset = ModelPresets.Get(presetName);
        using var decoder = new OrtDecoder(fixture.Get(new ModelSpec(preset, Seed: 3)).OnnxModel, preset);
        var expected = new NaiveLlama(new LlamaWeights(preset, 3)).Forward(Prompt);

        var result = decoder.RunSequence(Prompt);

        Assert.Equal([1, Prompt.Length, preset.VocabSize], result.LogitsShape);
        Assert.Equal(Prompt.Length, result.PresentLength);
        for (var t = 0; t < Prompt.Length; t++)
        {
            AssertClose(expected[t], result.Logits.AsSpan(t * preset.VocabSize, preset.VocabSize), 2e-3f);
        }
    }

    [Theory]
    [MemberData(nameof(TinyPresets))]
    public void Prefix_then_one_token_with_the_cache_equals_the_full_sequence(string presetName)
    {
        var preset = ModelPresets.Get(presetName);
        using var decoder = new OrtDecoder(fixture.Get(new ModelSpec(preset)).OnnxModel, preset);
        var full = decoder.RunSequence(Prompt);
        var prefix = decoder.RunSequence(Prompt[..^1]);

        var step = decoder.Run([[Prompt[^1]]], [Enumerable.Repeat(1L, Prompt.Length).ToArray()], [[Prompt.Length - 1]], prefix);

        Assert.Equal(Prompt.Length, step.PresentLength);
        var v = preset.VocabSize;
        AssertClose(full.Logits.AsSpan((Prompt.Length - 1) * v, v).ToArray(), step.Logits, 1e-4f);
        AssertClose(full.Keys[0], step.Keys[0], 1e-4f);
        AssertClose(full.Values[^1], step.Values[^1], 1e-4f);
    }

    [Theory]
    [MemberData(nameof(TinyPresets))]
    public void Left_padded_batch_row_matches_the_unpadded_sequence(string presetName)
    {
        var preset = ModelPresets.Get(presetName);
        using var decoder = new OrtDecoder(fixture.Get(new ModelSpec(preset)).OnnxModel, preset);
        var shortPrompt = Prompt[..5];
        var pad = Prompt.Length - shortPrompt.Length;
        long[][] ids = [Prompt, [.. Enumerable.Repeat(0L, pad), .. shortPrompt]];
        long[][] mask = [Enumerable.Repeat(1L, Prompt.Length).ToArray(), [.. Enumerable.Repeat(0L, pad), .. Enumerable.Repeat(1L, shortPrompt.Length)]];
        long[][] positions = [Enumerable.Range(0, Prompt.Length).Select(i => (long)i).ToArray(), [.. Enumerable.Repeat(1L, pad), .. Enumerable.Range(0, shortPrompt.Length).Select(i => (long)i)]];

        var batch = decoder.Run(ids, mask, positions);
        var alone = decoder.RunSequence(shortPrompt);
        var first = decoder.RunSequence(Prompt);

        var v = preset.VocabSize;
        AssertClose(first.Logits, batch.Logits.AsSpan(0, Prompt.Length * v), 1e-4f);
        AssertClose(alone.Logits, batch.Logits.AsSpan(((Prompt.Length * 2) - shortPrompt.Length) * v, shortPrompt.Length * v), 1e-4f);
    }

    public static TheoryData<string, ModelPrecision, bool> KeepVariants => new()
    {
        { "tiny", ModelPrecision.Fp32, false },
        { "tiny-qwen2", ModelPrecision.Fp32, false },
        { "tiny-qwen2", ModelPrecision.Fp32, true },
        { "tiny-qwen3", ModelPrecision.Fp32, true },
        { "tiny", ModelPrecision.Int4, true },
        { "tiny", ModelPrecision.Fp16, false },
    };

    [Theory]
    [MemberData(nameof(KeepVariants))]
    public void Logits_to_keep_limits_the_logits_to_the_last_positions_with_the_same_values_and_cache(string presetName, ModelPrecision precision, bool fused)
    {
        var preset = ModelPresets.Get(presetName);
        using var decoder = new OrtDecoder(fixture.Get(new ModelSpec(preset, Precision: precision) { Fused = fused }).OnnxModel, preset);
        long[][] ids = [Prompt];
        long[][] mask = [Enumerable.Repeat(1L, Prompt.Length).ToArray()];
        long[][] positions = [Enumerable.Range(0, Prompt.Length).Select(i => (long)i).ToArray()];
        var v = preset.VocabSize;
        var tolerance = precision == ModelPrecision.Fp16 ? 1e-2f : 1e-4f;

        var all = decoder.Run(ids, mask, positions);
        var allExplicit = decoder.Run(ids, mask, positions, logitsToKeep: 0);
        var last = decoder.Run(ids, mask, positions, logitsToKeep: 1);
        var lastThree = decoder.Run(ids, mask, positions, logitsToKeep: 3);
        var more = decoder.Run(ids, mask, positions, logitsToKeep: Prompt.Length + 5);

        Assert.Equal([1, Prompt.Length, v], all.LogitsShape);
        Assert.Equal(all.Logits, allExplicit.Logits);
        Assert.Equal([1, 1, v], last.LogitsShape);
        AssertClose(all.Logits.AsSpan((Prompt.Length - 1) * v, v), last.Logits, tolerance);
        Assert.Equal([1, 3, v], lastThree.LogitsShape);
        AssertClose(all.Logits.AsSpan((Prompt.Length - 3) * v, 3 * v), lastThree.Logits, tolerance);
        Assert.Equal(all.Logits, more.Logits);
        Assert.Equal(all.Keys[^1], last.Keys[^1]);
        Assert.Equal(all.Values[0], last.Values[0]);
    }

    [Fact]
    public void External_data_model_gives_the_same_logits_as_the_inline_model()
    {
        var preset = ModelPresets.Tiny;
        var external = fixture.Get(new ModelSpec(preset) { ExternalData = true });
        Assert.NotNull(external.OnnxExternalData);
        Assert.True(new FileInfo(external.OnnxModel).Length < 64 * 1024, "model.onnx should only reference the weights");
        using var inline = new OrtDecoder(fixture.Get(new ModelSpec(preset)).OnnxModel, preset);
        using var split = new OrtDecoder(external.OnnxModel, preset);

        Assert.Equal(inline.RunSequence(Prompt).Logits, split.RunSequence(Prompt).Logits);
    }

    [Theory]
    [InlineData("tiny", ModelPrecision.Int4, false, 32)]
    [InlineData("tiny-qwen2", ModelPrecision.Int4, false, 32)]
    [InlineData("tiny-qwen2", ModelPrecision.Int4, true, 32)]
    [InlineData("tiny", ModelPrecision.Int4, true, 64)]
    [InlineData("tiny", ModelPrecision.Int8, true, 32)]
    [InlineData("tiny-qwen2", ModelPrecision.Int8, true, 32)]
    public void MatMulNBits_graph_stores_the_embedding_once_in_the_layers_format(string presetName, ModelPrecision precision, bool fused, int blockSize)
    {
        var preset = ModelPresets.Get(presetName);
        var bits = precision == ModelPrecision.Int4 ? 4 : 8;

        var graph = LlamaOnnxBuilder.Build(new LlamaWeights(preset, 1), precision, fused, blockSize);

        Assert.DoesNotContain(graph.Initializers, i => i.DataType == OnnxDataType.Float && i.ByteLength >= 4L * preset.VocabSize * preset.HiddenSize);
        var codes = Assert.Single(graph.Initializers, i => i.Name == $"{LlamaWeights.Embedding}_Q{bits}");
        Assert.Equal([preset.VocabSize, preset.HiddenSize / blockSize, blockSize * bits / 8], codes.Dims);
        // A tied head multiplies by the embedding's codes; an untied one has codes of its own.
        Assert.Equal(preset.TieWordEmbeddings ? 0 : 1, graph.Initializers.Count(i => i.Name.StartsWith("lm_head", StringComparison.Ordinal) && i.DataType == OnnxDataType.UInt8));
    }

    [Theory]
    [InlineData(ModelPrecision.Fp32, false)]
    [InlineData(ModelPrecision.Fp32, true)]
    [InlineData(ModelPrecision.Int8, false)]
    public void Float_and_plain_int8_graphs_keep_the_float32_embedding(ModelPrecision precision, bool fused)
    {
        var preset = ModelPresets.Get("tiny-qwen2");

        var graph = LlamaOnnxBuilder.Build(new LlamaWeights(preset, 1), precision, fused);

        var table = Assert.Single(graph.Initializers, i => i.Name == LlamaWeights.Embedding);
        Assert.Equal(OnnxDataType.Float, table.DataType);
        Assert.Equal([preset.VocabSize, preset.HiddenSize], table.Dims);
    }

    [Theory]
    [InlineData("tiny", ModelPrecision.Int8, false, 32, 0.99)]
    [InlineData("tiny-qwen2", ModelPrecision.Int8, false, 32, 0.99)]
    [InlineData("tiny", ModelPrecision.Int4, false, 32, 0.9)]
    [InlineData("tiny-qwen2", ModelPrecision.Int4, false, 32, 0.9)]
    [InlineData("tiny", ModelPrecision.Int8, true, 32, 0.99)]
    [InlineData("tiny", ModelPrecision.Int8, true, 64, 0.99)]
    [InlineData("tiny", ModelPrecision.Int4, true, 64, 0.88)] // 64 wide: one scale per row of every matrix, the embedding's too
    public void Quantized_logits_stay_close_to_fp32(string presetName, ModelPrecision precision, bool fused, int blockSize, double minCosine)
    {
        var preset = ModelPresets.Get(presetName);
        using var fp32 = new OrtDecoder(fixture.Get(new ModelSpec(preset)).OnnxModel, preset);
        var files = fixture.Get(new ModelSpec(preset, Precision: precision) { Fused = fused, BlockSize = blockSize });
        var blockSizes = MatMulNBitsBlockSizes(files.OnnxModel);
        if (fused || precision == ModelPrecision.Int4)
        {
            Assert.NotEmpty(blockSizes);
            Assert.All(blockSizes, b => Assert.Equal(blockSize, b));
        }
        else
        {
            Assert.Empty(blockSizes); // plain int8: DynamicQuantizeLinear + MatMulInteger
        }

        using var quantized = new OrtDecoder(files.OnnxModel, preset);

        var a = fp32.RunSequence(Prompt).Logits;
        var b = quantized.RunSequence(Prompt).Logits;

        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }

        var cosine = dot / Math.Sqrt(na * nb);
        Assert.True(cosine > minCosine, $"cosine similarity of {precision} and fp32 logits is {cosine:F4}");
        Assert.NotEqual(a, b);
    }

    [Theory]
    [MemberData(nameof(TinyPresets))]
    public void Fp16_model_has_float16_cache_and_logits_close_to_fp32_and_a_consistent_cache(string presetName)
    {
        var preset = ModelPresets.Get(presetName);
        using var fp32 = new OrtDecoder(fixture.Get(new ModelSpec(preset)).OnnxModel, preset);
        using var fp16 = new OrtDecoder(fixture.Get(new ModelSpec(preset, Precision: ModelPrecision.Fp16)).OnnxModel, preset);
        Assert.True(fp16.Fp16);
        AssertShape(fp16.Session.InputMetadata["past_key_values.1.value"], typeof(Float16), ["batch_size", preset.NumKvHeads, "past_sequence_length", preset.HeadDim]);
        AssertShape(fp16.Session.OutputMetadata["present.0.key"], typeof(Float16), ["batch_size", preset.NumKvHeads, "total_sequence_length", preset.HeadDim]);
        AssertShape(fp16.Session.OutputMetadata["logits"], typeof(Float16), ["batch_size", "logits_length", preset.VocabSize]);

        var full = fp16.RunSequence(Prompt);
        AssertClose(fp32.RunSequence(Prompt).Logits, full.Logits, 0.1f);

        var prefix = fp16.RunSequence(Prompt[..^1]);
        var step = fp16.Run([[Prompt[^1]]], [Enumerable.Repeat(1L, Prompt.Length).ToArray()], [[Prompt.Length - 1]], prefix);
        var v = preset.VocabSize;
        AssertClose(full.Logits.AsSpan((Prompt.Length - 1) * v, v).ToArray(), step.Logits, 0.02f);
        Assert.Equal(full.Keys[0], step.Keys[0]);
        Assert.Equal(OrtGreedy.Generate(fp32, Prompt, 8, v), OrtGreedy.Generate(fp16, Prompt, 8, v));
    }

    private static void AssertShape(NodeMetadata meta, Type elementType, object[] dims)
    {
        Assert.Equal(elementType, meta.ElementType);
        Assert.Equal(dims.Length, meta.Dimensions.Length);
        for (var i = 0; i < dims.Length; i++)
        {
            if (dims[i] is string symbol)
            {
                Assert.Equal(-1, meta.Dimensions[i]);
                Assert.Equal(symbol, meta.SymbolicDimensions[i]);
            }
            else
            {
                Assert.Equal(Convert.ToInt32(dims[i], System.Globalization.CultureInfo.InvariantCulture), meta.Dimensions[i]);
            }
        }
    }

    private static void AssertClose(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, float tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        var worst = 0f;
        var at = -1;
        for (var i = 0; i < expected.Length; i++)
        {
            var diff = MathF.Abs(expected[i] - actual[i]);
            if (!(diff <= worst))
            {
                worst = diff;
                at = i;
            }
        }

        Assert.True(worst <= tolerance, $"max |diff| {worst} at {at} (expected {(at >= 0 ? expected[at] : 0)}, actual {(at >= 0 ? actual[at] : 0)})");
    }

    /// <summary>
    /// The <c>block_size</c> attribute of every MatMulNBits node in the file, read from the AttributeProto bytes the
    /// writer emits (name, type INT, then the varint value i = field 3).
    /// </summary>
    private static List<int> MatMulNBitsBlockSizes(string onnxPath)
    {
        var bytes = File.ReadAllBytes(onnxPath);
        var name = "block_size"u8.ToArray();
        var sizes = new List<int>();
        for (var at = bytes.AsSpan().IndexOf(name); at >= 0;)
        {
            var p = at + name.Length;
            while (p < bytes.Length && bytes[p] != 0x18)
            {
                p++;
            }

            int value = 0, shift = 0;
            for (p++; (bytes[p] & 0x80) != 0; p++, shift += 7)
            {
                value |= (bytes[p] & 0x7F) << shift;
            }

            sizes.Add(value | (bytes[p] << shift));
            var next = bytes.AsSpan(p).IndexOf(name);
            at = next < 0 ? -1 : p + next;
        }

        return sizes;
    }
}
