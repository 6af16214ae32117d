using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace HeteroAgents.Flywheel;

/// <summary>
/// The S5 hand-off written next to the exported data: ready-to-run training files for the common trainers, filled in
/// from the <see cref="LoraRecipe"/> — <c>train_trl.py</c> (TRL <c>SFTTrainer</c> + PEFT LoRA), <c>train_unsloth.py</c>
/// (Unsloth, optional merge and GGUF), <c>axolotl.yaml</c>, <c>merge_adapter.py</c> (adapter + base → merged model)
/// and <c>TRAINING.md</c>, which documents the way back: ONNX via Optimum or GGUF via llama.cpp's converter, then
/// <c>hetero models register</c>. The scripts print their resolved arguments with <c>--dry-run</c> without importing
/// the training stack. Templates are the <c>Export/Training/*.tmpl</c> files compiled into the assembly.
/// </summary>
public static partial class TrainingHandOff
{
    /// <summary>The TRL script's file name.</summary>
    public const string TrlScript = "train_trl.py";

    /// <summary>The Unsloth script's file name.</summary>
    public const string UnslothScript = "train_unsloth.py";

    /// <summary>The merge script's file name.</summary>
    public const string MergeScript = "merge_adapter.py";

    /// <summary>The Axolotl config's file name.</summary>
    public const string AxolotlConfig = "axolotl.yaml";

    /// <summary>The instructions' file name.</summary>
    public const string Readme = "TRAINING.md";

    private static readonly string[] Files = [TrlScript, UnslothScript, MergeScript, AxolotlConfig, Readme];

    /// <summary>
    /// Writes the training files for <paramref name="recipe"/> into <paramref name="directory"/> (where the recipe's
    /// train and eval files are) and returns their full paths. <paramref name="workloadId"/> names the workload in the
    /// documented <c>hetero models register</c> command.
    /// </summary>
    public static IReadOnlyList<string> Write(string directory, LoraRecipe recipe, string? workloadId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(recipe);
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var file in Files)
        {
            var dialect = Path.GetExtension(file) switch { ".py" => Dialect.Python, ".yaml" => Dialect.Yaml, _ => Dialect.Text };
            var path = Path.GetFullPath(Path.Combine(directory, file));
            File.WriteAllText(path, Render(Template(file), recipe, workloadId, dialect), new UTF8Encoding(false));
            if (dialect == Dialect.Python && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            }

            written.Add(path);
        }

        return written;
    }

    private enum Dialect
    {
        Python,
        Yaml,
        Text,
    }

    private static string Render(string template, LoraRecipe r, string? workloadId, Dialect dialect)
    {
        var values = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["CLUSTER_ID"] = r.ClusterId,
            ["TASK_TYPE"] = r.TaskType,
            ["BASE_MODEL"] = r.BaseModel,
            ["TRAIN_FILE"] = r.TrainPath,
            ["EVAL_FILE"] = r.EvalPath,
            ["LORA_RANK"] = r.LoraRank,
            ["LORA_ALPHA"] = r.LoraAlpha,
            ["LORA_DROPOUT"] = r.LoraDropout,
            ["TARGET_MODULES"] = r.TargetModules,
            ["LEARNING_RATE"] = r.LearningRate,
            ["EPOCHS"] = r.Epochs,
            ["MAX_SEQ_LEN"] = r.MaxSeqLen,
            ["MICRO_BATCH_SIZE"] = r.MicroBatchSize,
            ["GRADIENT_ACCUMULATION_STEPS"] = r.GradientAccumulationSteps,
            ["COMPLETION_ONLY_LOSS"] = r.CompletionOnlyLoss,
            ["TRAIN_ON_INPUTS"] = !r.CompletionOnlyLoss,
            ["SEED"] = r.Seed,
            ["TRAIN_EXAMPLES"] = r.TrainExamples,
            ["EVAL_EXAMPLES"] = r.EvalExamples,
        };
        var text = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["CLUSTER_ID_TEXT"] = Plain(r.ClusterId),
            ["TASK_TYPE_TEXT"] = Plain(r.TaskType),
            ["WORKLOAD_TEXT"] = workloadId is null ? "<workload>" : Plain(workloadId),
            ["BASE_MODEL_TEXT"] = Plain(r.BaseModel),
            ["BASE_MODEL_REASON_TEXT"] = Plain(r.BaseModelReason),
            ["TRAIN_FILE_TEXT"] = Plain(r.TrainPath),
            ["EVAL_FILE_TEXT"] = Plain(r.EvalPath),
            ["TARGET_MODULES_TEXT"] = string.Join(", ", r.TargetModules.Select(Plain)),
            ["LOSS_TEXT"] = r.CompletionOnlyLoss ? "on the answer (assistant message) only" : "on the whole conversation",
            ["TEST_DATASETS"] = r.EvalExamples > 0
                ? $"test_datasets:\n  - path: {Literal(r.EvalPath, Dialect.Yaml)}\n    ds_type: json\n    split: train\n    type: chat_template\n    field_messages: messages\n    roles_to_train: [\"assistant\"]"
                : "val_set_size: 0",
        };
        return Placeholder().Replace(template, m =>
        {
            var key = m.Groups[1].Value;
            return text.TryGetValue(key, out var t) ? t
                : values.TryGetValue(key, out var v) ? Literal(v, dialect)
                : throw new InvalidOperationException($"Training template placeholder @@{key}@@ has no value.");
        });
    }

    // A Python or YAML literal: JSON strings and arrays are valid in both (non-ASCII escaped as \uXXXX); numbers always
    // carry a decimal point (YAML 1.1 readers such as PyYAML take "1E-05" for a string).
    private static string Literal(object value, Dialect dialect) => value switch
    {
        string s => JsonSerializer.Serialize(s),
        bool b => dialect == Dialect.Python ? (b ? "True" : "False") : (b ? "true" : "false"),
        int i => i.ToString(CultureInfo.InvariantCulture),
        double d => Decimal(d),
        IEnumerable<string> list => "[" + string.Join(", ", list.Select(s => JsonSerializer.Serialize(s))) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string Decimal(double d)
    {
        var s = ((decimal)d).ToString(CultureInfo.InvariantCulture);
        return s.Contains('.', StringComparison.Ordinal) ? s : s + ".0";
    }

    // Text for comments, docstrings and Markdown: no quotes, backticks, pipes or line breaks.
    private static string Plain(string value) => UnsafeText().Replace(value, "_");

    private static string Template(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("HeteroAgents.Flywheel.Training." + file + ".tmpl")
            ?? throw new InvalidOperationException($"Training template '{file}.tmpl' is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex("@@([A-Z_]+)@@", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"[`|""'\\\r\n]", RegexOptions.CultureInvariant)]
    private static partial Regex UnsafeText();
}
