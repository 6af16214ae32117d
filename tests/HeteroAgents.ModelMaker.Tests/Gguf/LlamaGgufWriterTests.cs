using HeteroAgents.ModelMaker;
using HeteroAgents.ModelMaker.Weights;

namespace HeteroAgents.ModelMaker.Tests.Gguf;

public sealed class LlamaGgufWriterTests(ModelFixture fixture) : IClassFixture<ModelFixture>
{
    [Fact]
    public void Llama_gguf_has_v3_header_architecture_keys_tokenizer_and_rope_permuted_q_k()
    {
        var preset = ModelPresets.Tiny;
        var gguf = new GgufReader(fixture.Get(new ModelSpec(preset, Seed: 1)).Gguf!);
        var weights = new LlamaWeights(preset, 1);

        Assert.Equal(0x46554747u, gguf.Magic);
        Assert.Equal(3u, gguf.Version);
        Assert.Equal("llama", gguf.Metadata["general.architecture"]);
        Assert.Equal(64u, gguf.Metadata["llama.embedding_length"]);
        Assert.Equal(2u, gguf.Metadata["llama.block_count"]);
        Assert.Equal(4u, gguf.Metadata["llama.attention.head_count"]);
        Assert.Equal(2u, gguf.Metadata["llama.attention.head_count_kv"]);
        Assert.Equal(16u, gguf.Metadata["llama.rope.dimension_count"]);
        Assert.Equal(10000f, gguf.Metadata["llama.rope.freq_base"]);
        Assert.Equal("gpt2", gguf.Metadata["tokenizer.ggml.model"]);
        Assert.Equal(1024, ((object[])gguf.Metadata["tokenizer.ggml.tokens"]).Length);
        Assert.Equal("<|im_end|>", ((object[])gguf.Metadata["tokenizer.ggml.tokens"])[1023]);
        Assert.Equal(3, ((object[])gguf.Metadata["tokenizer.ggml.token_type"])[1023]);
        Assert.Equal(1021 - 256, ((object[])gguf.Metadata["tokenizer.ggml.merges"]).Length);
        Assert.Equal(1023u, gguf.Metadata["tokenizer.ggml.eos_token_id"]);
        Assert.Equal(3 + (2 * 9), gguf.Tensors.Count);
        Assert.Equal([64L, 1024L], gguf.Tensors["token_embd.weight"].Dims);
        Assert.Equal([64L, 1024L], gguf.Tensors["output.weight"].Dims);
        Assert.Equal([64L, 32L], gguf.Tensors["blk.1.attn_k.weight"].Dims);

        // Row 2i+j of each head in GGUF is row j*(d/2)+i of the Hugging Face weight.
        var hf = weights.Get(LlamaWeights.Layer(0, "self_attn.q_proj.weight"));
        var stored = gguf.ReadF32("blk.0.attn_q.weight");
        int d = preset.HeadDim, cols = preset.HiddenSize;
        for (var head = 0; head < preset.NumHeads; head++)
        {
            for (var i = 0; i < d / 2; i++)
            {
                Assert.Equal(hf.AsSpan(((head * d) + i) * cols, cols), stored.AsSpan(((head * d) + (2 * i)) * cols, cols));
                Assert.Equal(hf.AsSpan(((head * d) + (d / 2) + i) * cols, cols), stored.AsSpan(((head * d) + (2 * i) + 1) * cols, cols));
            }
        }

        Assert.Equal(weights.Get(LlamaWeights.Layer(1, "self_attn.v_proj.weight")), gguf.ReadF32("blk.1.attn_v.weight"));
        Assert.Equal(weights.Get(LlamaWeights.FinalNorm), gguf.ReadF32("output_norm.weight"));
    }

    [Fact]
    public void Qwen2_gguf_keeps_q_k_unpermuted_with_biases_and_no_output_tensor()
    {
        var preset = ModelPresets.TinyQwen2;
        var gguf = new GgufReader(fixture.Get(new ModelSpec(preset, Seed: 1)).Gguf!);
        var weights = new LlamaWeights(preset, 1);

        Assert.Equal("qwen2", gguf.Metadata["general.architecture"]);
        Assert.Equal(1u, gguf.Metadata["qwen2.attention.head_count_kv"]);
        Assert.DoesNotContain("output.weight", gguf.Tensors.Keys);
        Assert.Equal(weights.Get(LlamaWeights.Layer(0, "self_attn.q_proj.weight")), gguf.ReadF32("blk.0.attn_q.weight"));
        Assert.Equal(weights.Get(LlamaWeights.Layer(1, "self_attn.k_proj.bias")), gguf.ReadF32("blk.1.attn_k.bias"));
    }

    [Fact]
    public void Int8_gguf_stores_q8_0_matrices_close_to_the_weights_and_f32_norms()
    {
        var preset = ModelPresets.Tiny;
        var gguf = new GgufReader(fixture.Get(new ModelSpec(preset, Seed: 1, ModelPrecision.Int8)).Gguf!);
        var weights = new LlamaWeights(preset, 1);

        Assert.Equal(7u, gguf.Metadata["general.file_type"]);
        Assert.Equal(0u, gguf.Tensors["blk.0.attn_norm.weight"].Type);
        var original = weights.Get(LlamaWeights.Layer(0, "mlp.down_proj.weight"));
        var restored = gguf.DequantizeQ8_0("blk.0.ffn_down.weight");
        Assert.Equal(original.Length, restored.Length);
        var maxAbs = original.Max(MathF.Abs);
        for (var i = 0; i < original.Length; i++)
        {
            Assert.True(MathF.Abs(original[i] - restored[i]) <= maxAbs / 127f, $"value {i}: {original[i]} vs {restored[i]}");
        }

        Assert.NotEqual(original, restored);
    }

    [Fact]
    public void Int4_gguf_stores_q4_0_matrices_within_one_quantization_step()
    {
        var preset = ModelPresets.Tiny;
        var gguf = new GgufReader(fixture.Get(new ModelSpec(preset, Seed: 1, ModelPrecision.Int4)).Gguf!);
        var original = new LlamaWeights(preset, 1).Get(LlamaWeights.Layer(1, "mlp.gate_proj.weight"));

        var restored = gguf.DequantizeQ4_0("blk.1.ffn_gate.weight");

        Assert.Equal(2u, gguf.Metadata["general.file_type"]);
        for (var b = 0; b < original.Length / 32; b++)
        {
            var step = original.AsSpan(b * 32, 32).ToArray().Max(MathF.Abs) / 8f;
            for (var j = 0; j < 32; j++)
            {
                var i = (b * 32) + j;
                Assert.True(MathF.Abs(original[i] - restored[i]) <= step * 1.01f, $"value {i}: {original[i]} vs {restored[i]} (step {step})");
            }
        }
    }
}
