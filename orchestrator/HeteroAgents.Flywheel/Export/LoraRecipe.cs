using System.Text.Json;
using HeteroAgents.Contracts;

namespace HeteroAgents.Flywheel;

/// <summary>
/// A LoRA fine-tuning recipe for one cluster, written as <c>lora-recipe.json</c> next to the exported data (S5).
/// Trainer-neutral: the fields map one-to-one onto TRL <c>SFTConfig</c>/<c>LoraConfig</c>, Unsloth and Axolotl settings.
/// </summary>
/// <param name="ClusterId">The exported cluster.</param>
/// <param name="TaskType">The cluster's task type (wire name).</param>
/// <param name="BaseModel">Suggested base model, a Hugging Face repository id (see <see cref="BaseModelCatalog"/>).</param>
/// <param name="BaseModelReason">Why that model.</param>
/// <param name="DatasetFormat">Always <c>chat-jsonl</c>: <c>{"messages":[{"role","content"}]}</c> per line.</param>
/// <param name="TrainPath">Training data, relative to the recipe file.</param>
/// <param name="EvalPath">Held-out data, relative to the recipe file.</param>
/// <param name="TrainExamples">Lines in the training file.</param>
/// <param name="EvalExamples">Lines in the eval file.</param>
/// <param name="LoraRank">LoRA rank <c>r</c>.</param>
/// <param name="LoraAlpha">LoRA scaling <c>alpha</c> (2 × rank).</param>
/// <param name="LoraDropout">Dropout on the LoRA layers.</param>
/// <param name="TargetModules">The projections LoRA adapts (all attention and MLP projections).</param>
/// <param name="LearningRate">Peak learning rate.</param>
/// <param name="Epochs">Passes over the training data.</param>
/// <param name="MaxSeqLen">Maximum sequence length in tokens: the p99 example length (estimated at 4 characters per token) rounded up to a power of two, 256 to 4096.</param>
/// <param name="MicroBatchSize">Examples per device step.</param>
/// <param name="GradientAccumulationSteps">Steps accumulated per optimizer step.</param>
/// <param name="CompletionOnlyLoss">Whether loss is computed on the assistant answer only.</param>
/// <param name="Seed">Training seed.</param>
public sealed record LoraRecipe(
    string ClusterId,
    string TaskType,
    string BaseModel,
    string BaseModelReason,
    string DatasetFormat,
    string TrainPath,
    string EvalPath,
    int TrainExamples,
    int EvalExamples,
    int LoraRank,
    int LoraAlpha,
    double LoraDropout,
    IReadOnlyList<string> TargetModules,
    double LearningRate,
    int Epochs,
    int MaxSeqLen,
    int MicroBatchSize,
    int GradientAccumulationSteps,
    bool CompletionOnlyLoss,
    int Seed)
{
    /// <summary>The recipe as indented JSON (snake_case field names).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, new JsonSerializerOptions(HeteroJson.Options) { WriteIndented = true });

    /// <summary>Creates the recipe for a cluster's exported data.</summary>
    /// <param name="cluster">The cluster.</param>
    /// <param name="train">The training examples (for the sequence length estimate).</param>
    /// <param name="evalExamples">Number of held-out examples.</param>
    /// <param name="options">Overrides.</param>
    public static LoraRecipe Create(ClusterReport cluster, IReadOnlyList<ChatJsonlExample> train, int evalExamples, ExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        var task = TaskTypes.TryParse(cluster.TaskType, out var t) ? t : null;
        var (model, reason) = BaseModelCatalog.Suggest(task);
        var rank = options.LoraRank ?? (task == Contracts.TaskType.Classify ? 8 : 16);
        return new LoraRecipe(
            cluster.Id,
            cluster.TaskType,
            options.BaseModel ?? model,
            options.BaseModel is null ? reason : "set by the operator",
            "chat-jsonl",
            ExportOptions.TrainFileName,
            ExportOptions.EvalFileName,
            train.Count,
            evalExamples,
            rank,
            rank * 2,
            0.05,
            ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"],
            options.LearningRate ?? 2e-4,
            options.Epochs ?? (train.Count < 2000 ? 3 : 2),
            EstimateMaxSeqLen(train),
            8,
            2,
            true,
            42);
    }

    private static int EstimateMaxSeqLen(IReadOnlyList<ChatJsonlExample> train)
    {
        if (train.Count == 0)
        {
            return 256;
        }

        var lengths = train.Select(e => e.Messages.Sum(m => m.Content.Length + 16) / 4).Order().ToList();
        var p99 = lengths[Math.Min(lengths.Count - 1, (int)Math.Ceiling(lengths.Count * 0.99) - 1)];
        var len = 256;
        while (len < p99 && len < 4096)
        {
            len *= 2;
        }

        return len;
    }
}
