namespace HeteroAgents.Flywheel;

/// <summary>What <see cref="FlywheelExporter.ExportAsync"/> wrote.</summary>
/// <param name="Cluster">The exported cluster.</param>
/// <param name="TrainPath">The training file.</param>
/// <param name="EvalPath">The held-out file.</param>
/// <param name="RecipePath">The LoRA recipe.</param>
/// <param name="TrainExamples">Training lines.</param>
/// <param name="EvalExamples">Held-out lines.</param>
/// <param name="Skipped">Records of the cluster not exported, by reason (<c>failed_call</c>, <c>no_output</c>, <c>unsupported_role</c>, <c>no_user_message</c>, <c>output_not_json</c>).</param>
/// <param name="PiiReplacements">PII replaced in the exported records, by type.</param>
/// <param name="Recipe">The recipe written.</param>
/// <param name="TrainingFiles">The training hand-off written next to the data (<see cref="TrainingHandOff"/>).</param>
public sealed record ExportSummary(
    ClusterReport Cluster,
    string TrainPath,
    string EvalPath,
    string RecipePath,
    int TrainExamples,
    int EvalExamples,
    IReadOnlyDictionary<string, int> Skipped,
    IReadOnlyDictionary<PiiType, long> PiiReplacements,
    LoraRecipe Recipe,
    IReadOnlyList<string> TrainingFiles);
