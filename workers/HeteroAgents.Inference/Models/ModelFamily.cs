namespace HeteroAgents.Inference.Models;

/// <summary>Decoder-only model families the runtime knows (from <c>config.json</c> <c>model_type</c>).</summary>
public enum ModelFamily
{
    /// <summary>Llama 2/3, SmolLM, TinyLlama, Mistral-style graphs (<c>llama</c>, <c>mistral</c>).</summary>
    Llama,

    /// <summary>Qwen2 and Qwen2.5 (<c>qwen2</c>).</summary>
    Qwen2,

    /// <summary>Qwen3 (<c>qwen3</c>).</summary>
    Qwen3,

    /// <summary>Phi-3 and Phi-3.5 (<c>phi3</c>).</summary>
    Phi3,

    /// <summary>Gemma, Gemma 2 and Gemma 3 text models (<c>gemma</c>, <c>gemma2</c>, <c>gemma3_text</c>).</summary>
    Gemma,
}
