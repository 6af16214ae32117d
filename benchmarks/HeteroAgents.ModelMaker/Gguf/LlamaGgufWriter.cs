using HeteroAgents.ModelMaker.Tokenizer;
using HeteroAgents.ModelMaker.Weights;

namespace HeteroAgents.ModelMaker.Gguf;

/// <summary>
/// Writes the same seeded weights as a llama.cpp GGUF: <c>llama</c> architecture (Q/K rows permuted for llama.cpp's
/// interleaved rope, as its Hugging Face converter does) or <c>qwen2</c> (neox rope, no permutation, q/k/v bias);
/// gpt2-style BPE tokenizer metadata; F32, F16, Q8_0 or Q4_0 matrices.
/// </summary>
internal static class LlamaGgufWriter
{
    public static void Write(LlamaWeights weights, BpeVocabulary vocab, ModelPrecision precision, string path)
    {
        var p = weights.Preset;
        var arch = p.Family;
        var gguf = new GgufFile();
        gguf.Add("general.architecture", arch);
        gguf.Add("general.name", $"heteroagents-{p.Name}-seed{weights.Seed}");
        gguf.Add("general.file_type", precision switch { ModelPrecision.Fp16 => 1u, ModelPrecision.Int8 => 7u, ModelPrecision.Int4 => 2u, _ => 0u });
        gguf.Add($"{arch}.context_length", (uint)p.MaxPositionEmbeddings);
        gguf.Add($"{arch}.embedding_length", (uint)p.HiddenSize);
        gguf.Add($"{arch}.block_count", (uint)p.NumLayers);
        gguf.Add($"{arch}.feed_forward_length", (uint)p.IntermediateSize);
        gguf.Add($"{arch}.attention.head_count", (uint)p.NumHeads);
        gguf.Add($"{arch}.attention.head_count_kv", (uint)p.NumKvHeads);
        gguf.Add($"{arch}.attention.layer_norm_rms_epsilon", p.RmsNormEps);
        gguf.Add($"{arch}.rope.freq_base", p.RopeTheta);
        gguf.Add($"{arch}.rope.dimension_count", (uint)p.HeadDim);
        gguf.Add($"{arch}.vocab_size", (uint)p.VocabSize);
        if (p.ExplicitHeadDim is { } headDim)
        {
            gguf.Add($"{arch}.attention.key_length", (uint)headDim);
            gguf.Add($"{arch}.attention.value_length", (uint)headDim);
        }

        gguf.Add("tokenizer.ggml.model", "gpt2");
        gguf.Add("tokenizer.ggml.pre", vocab.Encoding == "cl100k_base" ? "llama-bpe" : "gpt-4o");
        gguf.AddStrings("tokenizer.ggml.tokens", vocab.Tokens);
        var special = vocab.Size - BpeVocabulary.SpecialTokens.Count;
        gguf.AddInt32s("tokenizer.ggml.token_type", Enumerable.Range(0, vocab.Size).Select(i => i < special ? 1 : 3).ToArray());
        gguf.AddStrings("tokenizer.ggml.merges", vocab.Merges.Select(m => m.Left + " " + m.Right).ToArray());
        gguf.Add("tokenizer.ggml.bos_token_id", (uint)vocab.EndOfTextId);
        gguf.Add("tokenizer.ggml.eos_token_id", (uint)vocab.ImEndId);
        gguf.Add("tokenizer.ggml.padding_token_id", (uint)vocab.EndOfTextId);
        gguf.Add("tokenizer.ggml.add_bos_token", false);
        gguf.Add("tokenizer.chat_template", ChatTemplates.For(p.Family));

        var matrixType = precision switch
        {
            ModelPrecision.Fp16 => GgmlType.F16,
            ModelPrecision.Int8 => GgmlType.Q8_0,
            ModelPrecision.Int4 => GgmlType.Q4_0,
            _ => GgmlType.F32,
        };
        void Matrix(string ggufName, string hfName, Func<float[], float[]>? transform = null)
        {
            var shape = weights.Shape(hfName);
            gguf.AddTensor(new GgufTensor(ggufName, [shape[1], shape[0]], matrixType, () =>
            {
                var data = weights.Get(hfName);
                data = transform?.Invoke(data) ?? data;
                return matrixType switch
                {
                    GgmlType.Q8_0 => GgmlQuant.QuantizeQ8_0(data),
                    GgmlType.Q4_0 => GgmlQuant.QuantizeQ4_0(data),
                    GgmlType.F16 => WeightMath.HalfBytes(data),
                    _ => WeightMath.Bytes(data),
                };
            }));
        }

        void Vector(string ggufName, string hfName) =>
            gguf.AddTensor(new GgufTensor(ggufName, [weights.Shape(hfName)[0]], GgmlType.F32, () => WeightMath.Bytes(weights.Get(hfName))));

        var permute = arch == "llama";
        Matrix("token_embd.weight", LlamaWeights.Embedding);
        for (var i = 0; i < p.NumLayers; i++)
        {
            string L(string s) => LlamaWeights.Layer(i, s);
            Vector($"blk.{i}.attn_norm.weight", L("input_layernorm.weight"));
            Matrix($"blk.{i}.attn_q.weight", L("self_attn.q_proj.weight"), permute ? w => PermuteForRope(w, p.NumHeads, p.HiddenSize) : null);
            Matrix($"blk.{i}.attn_k.weight", L("self_attn.k_proj.weight"), permute ? w => PermuteForRope(w, p.NumKvHeads, p.HiddenSize) : null);
            Matrix($"blk.{i}.attn_v.weight", L("self_attn.v_proj.weight"));
            if (p.AttentionBias)
            {
                Vector($"blk.{i}.attn_q.bias", L("self_attn.q_proj.bias"));
                Vector($"blk.{i}.attn_k.bias", L("self_attn.k_proj.bias"));
                Vector($"blk.{i}.attn_v.bias", L("self_attn.v_proj.bias"));
            }

            if (p.QkNorm)
            {
                Vector($"blk.{i}.attn_q_norm.weight", L("self_attn.q_norm.weight"));
                Vector($"blk.{i}.attn_k_norm.weight", L("self_attn.k_norm.weight"));
            }

            Matrix($"blk.{i}.attn_output.weight", L("self_attn.o_proj.weight"));
            Vector($"blk.{i}.ffn_norm.weight", L("post_attention_layernorm.weight"));
            Matrix($"blk.{i}.ffn_gate.weight", L("mlp.gate_proj.weight"));
            Matrix($"blk.{i}.ffn_up.weight", L("mlp.up_proj.weight"));
            Matrix($"blk.{i}.ffn_down.weight", L("mlp.down_proj.weight"));
        }

        Vector("output_norm.weight", LlamaWeights.FinalNorm);
        if (!p.TieWordEmbeddings)
        {
            Matrix("output.weight", LlamaWeights.LmHead);
        }

        gguf.Write(path);
    }

    /// <summary>
    /// Reorders each head's rows from Hugging Face's rotate-half layout (first half, second half) to the interleaved
    /// pairs llama.cpp's <c>llama</c> rope expects: new row 2i+j = old row j*(d/2)+i.
    /// </summary>
    internal static float[] PermuteForRope(float[] w, int heads, int cols)
    {
        var rows = w.Length / cols;
        var d = rows / heads;
        var half = d / 2;
        var result = new float[w.Length];
        for (var h = 0; h < heads; h++)
        {
            for (var i = 0; i < half; i++)
            {
                for (var j = 0; j < 2; j++)
                {
                    Array.Copy(w, ((h * d) + (j * half) + i) * cols, result, ((h * d) + (2 * i) + j) * cols, cols);
                }
            }
        }

        return result;
    }
}
