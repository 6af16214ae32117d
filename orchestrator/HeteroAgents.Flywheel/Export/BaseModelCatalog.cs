using HeteroAgents.Contracts;

namespace HeteroAgents.Flywheel;

/// <summary>Suggested base SLMs (Hugging Face repository ids) for fine-tuning, per task type.</summary>
public static class BaseModelCatalog
{
    /// <summary>
    /// The suggestion for <paramref name="taskType"/> (reasoning and figures in docs/IN-PROCESS-MODEL.md): SmolLM2-360M-Instruct
    /// for classify (a closed label set, scored exactly, needs little capacity), Qwen3-0.6B for extract (BFCL V4 non-live
    /// AST 71.8, typed argument filling), Qwen3-1.7B for tool calls (BFCL V4 82.9 non-live AST / 74.6 live, against
    /// Llama-3.2-1B's 38.4 / 11.8), Llama-3.2-1B-Instruct for summaries (free text; no figure here says otherwise), and
    /// Qwen3-0.6B (the in-process default) otherwise.
    /// </summary>
    public static (string Model, string Reason) Suggest(TaskType? taskType) =>
        taskType is { } type && Suggestions.TryGetValue(type, out var suggestion)
            ? suggestion
            : ("Qwen/Qwen3-0.6B", "general-purpose default: the in-process default model's base");

    private static readonly Dictionary<TaskType, (string Model, string Reason)> Suggestions = new()
    {
        [TaskType.Classify] = ("HuggingFaceTB/SmolLM2-360M-Instruct", "classification over a closed label set needs little capacity; the smallest model serves fastest"),
        [TaskType.Extract] = ("Qwen/Qwen3-0.6B", "typed JSON argument filling: BFCL V4 non-live AST 71.8 at 0.6B parameters, the in-process default's family"),
        [TaskType.ToolCall] = ("Qwen/Qwen3-1.7B", "choosing a tool and filling typed arguments: BFCL V4 82.9 non-live AST / 74.6 live (Llama-3.2-1B: 38.4 / 11.8)"),
        [TaskType.Summarize] = ("meta-llama/Llama-3.2-1B-Instruct", "free-text generation benefits from the larger model"),
    };
}
