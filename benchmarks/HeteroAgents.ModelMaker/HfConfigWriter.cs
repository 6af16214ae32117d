using System.Text.Json;
using HeteroAgents.ModelMaker.Tokenizer;

namespace HeteroAgents.ModelMaker;

/// <summary>Writes <c>config.json</c> and <c>generation_config.json</c> with the real Hugging Face field names.</summary>
internal static class HfConfigWriter
{
    public static IReadOnlyList<string> Write(ModelSpec spec, BpeVocabulary vocab, string dir, bool external)
    {
        var p = spec.Preset;
        var qwen = p.Family is "qwen2" or "qwen3";
        var config = TokenizerFilesWriter.WriteJson(dir, "config.json", w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("architectures");
            w.WriteStringValue(p.Family switch { "qwen2" => "Qwen2ForCausalLM", "qwen3" => "Qwen3ForCausalLM", _ => "LlamaForCausalLM" });
            w.WriteEndArray();
            w.WriteBoolean("attention_bias", p.AttentionBias);
            w.WriteNumber("attention_dropout", 0.0);
            w.WriteNumber("bos_token_id", vocab.EndOfTextId);
            w.WriteNumber("eos_token_id", vocab.ImEndId);
            w.WriteNumber("head_dim", p.HeadDim);
            w.WriteString("hidden_act", "silu");
            w.WriteNumber("hidden_size", p.HiddenSize);
            w.WriteNumber("initializer_range", 0.02);
            w.WriteNumber("intermediate_size", p.IntermediateSize);
            if (p.Family == "qwen3")
            {
                w.WriteStartArray("layer_types");
                for (var i = 0; i < p.NumLayers; i++)
                {
                    w.WriteStringValue("full_attention");
                }

                w.WriteEndArray();
            }

            w.WriteNumber("max_position_embeddings", p.MaxPositionEmbeddings);
            if (qwen)
            {
                w.WriteNumber("max_window_layers", p.NumLayers);
            }
            else
            {
                w.WriteBoolean("mlp_bias", false);
            }

            w.WriteString("model_type", p.Family);
            w.WriteNumber("num_attention_heads", p.NumHeads);
            w.WriteNumber("num_hidden_layers", p.NumLayers);
            w.WriteNumber("num_key_value_heads", p.NumKvHeads);
            w.WriteNumber("pad_token_id", vocab.EndOfTextId);
            w.WriteNumber("rms_norm_eps", p.RmsNormEps);
            w.WriteNull("rope_scaling");
            w.WriteNumber("rope_theta", p.RopeTheta);
            if (qwen)
            {
                w.WriteNumber("sliding_window", p.MaxPositionEmbeddings);
                w.WriteBoolean("use_sliding_window", false);
            }

            w.WriteBoolean("tie_word_embeddings", p.TieWordEmbeddings);
            w.WriteString("torch_dtype", spec.Precision == ModelPrecision.Fp16 ? "float16" : "float32");
            w.WriteString("transformers_version", "4.46.0");
            if (spec.Layout == ModelLayout.OnnxCommunity)
            {
                // As the onnx-community exports write it: float16 caches for the fp16 and q4f16 graphs; external data per file.
                w.WriteStartObject("transformers.js_config");
                w.WriteStartObject("kv_cache_dtype");
                w.WriteString("q4f16", "float16");
                w.WriteString("fp16", "float16");
                w.WriteEndObject();
                if (external)
                {
                    w.WriteStartObject("use_external_data_format");
                    w.WriteBoolean(Path.GetFileName(spec.OnnxFileName), true);
                    w.WriteEndObject();
                }

                w.WriteEndObject();
            }

            w.WriteBoolean("use_cache", true);
            w.WriteNumber("vocab_size", p.VocabSize);
            w.WriteStartObject("heteroagents");
            w.WriteString("preset", p.Name);
            w.WriteNumber("seed", spec.Seed);
            w.WriteString("precision", spec.Precision.ToString().ToLowerInvariant());
            w.WriteString("tokenizer_source", vocab.Encoding);
            w.WriteString("onnx_graph", spec.Fused ? "fused-com.microsoft" : "plain-opset17");
            w.WriteEndObject();
            w.WriteEndObject();
        });

        var generation = TokenizerFilesWriter.WriteJson(dir, "generation_config.json", w =>
        {
            w.WriteStartObject();
            w.WriteNumber("bos_token_id", vocab.EndOfTextId);
            w.WriteStartArray("eos_token_id");
            w.WriteNumberValue(vocab.ImEndId);
            w.WriteNumberValue(vocab.EndOfTextId);
            w.WriteEndArray();
            w.WriteNumber("pad_token_id", vocab.EndOfTextId);
            w.WriteBoolean("do_sample", false);
            w.WriteString("transformers_version", "4.46.0");
            w.WriteEndObject();
        });
        return [config, generation];
    }
}
