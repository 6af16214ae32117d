using HeteroAgents.ModelMaker.Tokenizer;

namespace HeteroAgents.ModelMaker;

/// <summary>
/// Writes <c>genai_config.json</c>, the ONNX Runtime GenAI model-builder layout, so GenAI (and the project's runtime)
/// run the folder as exported: the decoder file, its I/O name patterns, head counts, context length, EOS/PAD ids and
/// the search defaults. The fused graph (GroupQueryAttention) declares <c>past_present_share_buffer=true</c>: past and
/// present KV are one buffer of the full context that the graph appends to in place; the plain graph (Concat of past
/// and current KV) cannot share and declares false.
/// </summary>
internal static class GenAiConfigWriter
{
    public static string Write(ModelSpec spec, BpeVocabulary vocab, string dir)
    {
        var p = spec.Preset;
        return TokenizerFilesWriter.WriteJson(dir, "genai_config.json", w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("model");
            w.WriteNumber("bos_token_id", vocab.EndOfTextId);
            w.WriteNumber("context_length", p.MaxPositionEmbeddings);
            w.WriteStartObject("decoder");
            w.WriteStartObject("session_options");
            w.WriteString("log_id", "onnxruntime-genai");
            w.WriteStartArray("provider_options");
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteString("filename", spec.OnnxFileName);
            w.WriteNumber("head_size", p.HeadDim);
            w.WriteNumber("hidden_size", p.HiddenSize);
            w.WriteStartObject("inputs");
            w.WriteString("input_ids", "input_ids");
            w.WriteString("attention_mask", "attention_mask");
            w.WriteString("position_ids", "position_ids");
            w.WriteString("past_key_names", "past_key_values.%d.key");
            w.WriteString("past_value_names", "past_key_values.%d.value");
            w.WriteEndObject();
            w.WriteStartObject("outputs");
            w.WriteString("logits", "logits");
            w.WriteString("present_key_names", "present.%d.key");
            w.WriteString("present_value_names", "present.%d.value");
            w.WriteEndObject();
            w.WriteNumber("num_attention_heads", p.NumHeads);
            w.WriteNumber("num_hidden_layers", p.NumLayers);
            w.WriteNumber("num_key_value_heads", p.NumKvHeads);
            w.WriteEndObject();
            w.WriteStartArray("eos_token_id");
            w.WriteNumberValue(vocab.ImEndId);
            w.WriteNumberValue(vocab.EndOfTextId);
            w.WriteEndArray();
            w.WriteNumber("pad_token_id", vocab.EndOfTextId);
            w.WriteString("type", p.Family);
            w.WriteNumber("vocab_size", p.VocabSize);
            w.WriteEndObject();
            w.WriteStartObject("search");
            w.WriteBoolean("do_sample", false);
            w.WriteBoolean("early_stopping", true);
            w.WriteNumber("length_penalty", 1.0);
            w.WriteNumber("max_length", p.MaxPositionEmbeddings);
            w.WriteNumber("min_length", 0);
            w.WriteNumber("num_beams", 1);
            w.WriteNumber("num_return_sequences", 1);
            w.WriteBoolean("past_present_share_buffer", spec.Fused);
            w.WriteNumber("repetition_penalty", 1.0);
            w.WriteNumber("temperature", 1.0);
            w.WriteNumber("top_k", 1);
            w.WriteNumber("top_p", 1.0);
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }
}
