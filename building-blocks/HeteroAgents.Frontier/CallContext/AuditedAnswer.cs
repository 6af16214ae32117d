using System.Text.Json;
using HeteroAgents.Contracts;

namespace HeteroAgents.Frontier;

/// <summary>
/// The SLM answer a frontier call audits (<see cref="FlywheelCallContext.Audit"/>): the flywheel log keeps it next to the
/// frontier's answer so their agreement can be measured.
/// </summary>
/// <param name="SlmOutput">The SLM's completed result, as JSON text.</param>
/// <param name="ServedBy">The SLM, <c>slm:&lt;model&gt;</c>.</param>
/// <param name="Confidence">The SLM answer's confidence, when known.</param>
public sealed record AuditedAnswer(string SlmOutput, string ServedBy, double? Confidence)
{
    /// <summary>The answer of a completed outcome.</summary>
    public static AuditedAnswer Of(TaskCompleted completed)
    {
        ArgumentNullException.ThrowIfNull(completed);
        return new AuditedAnswer(JsonSerializer.Serialize(completed.Result, HeteroJson.Options), completed.ServedBy, completed.Confidence);
    }

    internal string ToJson() => JsonSerializer.Serialize(this, HeteroJson.Options);

    internal static AuditedAnswer Parse(string json) =>
        JsonSerializer.Deserialize<AuditedAnswer>(json, HeteroJson.Options)
        ?? throw new ArgumentException($"ChatOptions.AdditionalProperties[\"{FlywheelPropertyKeys.Audit}\"] is not an audited answer: {json}");
}
