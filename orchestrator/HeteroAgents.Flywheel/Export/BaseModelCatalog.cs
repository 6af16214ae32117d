using HeteroAgents.Contracts;

namespace HeteroAgents.Flywheel;

/// <summary>Suggested base SLMs (Hugging Face repository ids) for fine-tuning, per task type.</summary>
public static class BaseModelCatalog
{
    /// <summary>
    /// The suggestion for <paramref name="taskType"/>: SmolLM2-360M-Instruct for classify (a closed label set needs little
    /// capacity), Qwen2.5-0.5B-Instruct for extract (strong at JSON and copying spans), Llama-3.2-1B-Instruct for tool calls
    /// and summaries (argument filling and free text profit from the larger model), Qwen2.5-0.5B-Instruct otherwise.
    /// </summary>
    public static (string Model, string Reason) Suggest(TaskType? taskType) => taskType switch
    {
        TaskType.Classify => ("HuggingFaceTB/SmolLM2-360M-Instruct", "classification over a closed label set needs little capacity; the smallest model serves fastest"),
        TaskType.Extract => ("Qwen/Qwen2.5-0.5B-Instruct", "good at JSON output and copying spans from the source text"),
        TaskType.ToolCall => ("meta-llama/Llama-3.2-1B-Instruct", "choosing a tool and filling typed arguments benefits from the larger model"),
        TaskType.Summarize => ("meta-llama/Llama-3.2-1B-Instruct", "free-text generation benefits from the larger model"),
        _ => ("Qwen/Qwen2.5-0.5B-Instruct", "general-purpose default"),
    };
}
