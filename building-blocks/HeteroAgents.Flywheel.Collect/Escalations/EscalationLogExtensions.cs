using System.Text.Json;
using HeteroAgents.Contracts;
using HeteroAgents.Flywheel;
using Microsoft.Extensions.AI;

namespace HeteroAgents.Plugins;

/// <summary>Appends SLM escalations to the conversion loop's log with the prompt and schema a frontier model would get.</summary>
public static class EscalationLogExtensions
{
    /// <summary>
    /// Appends <paramref name="escalated"/> to <paramref name="log"/> (see <see cref="FlywheelEscalationLog.AppendAsync"/>) with
    /// the frontier prompt (<see cref="EscalationResolver.FrontierPrompt"/>) and result schema of <paramref name="task"/>, or of
    /// the task rebuilt from the event's input when <paramref name="task"/> is null. An event whose input does not have its
    /// task type's shape is still logged, without prompt and schema. Returns the record written, or null when logging is off.
    /// </summary>
    public static ValueTask<FrontierCallRecord?> AppendEscalationAsync(
        this FlywheelEscalationLog log, TaskEscalated escalated, ITaskMessage? task = null, string? workloadId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(escalated);
        if (!log.Enabled)
        {
            return ValueTask.FromResult<FrontierCallRecord?>(null);
        }

        IReadOnlyList<ChatMessage>? prompt = null;
        JsonElement? schema = null;
        try
        {
            task ??= EscalationResolver.ToTask(escalated);
            prompt = EscalationResolver.FrontierPrompt(task);
            schema = JsonSerializer.SerializeToElement(ResultSchemas.For(task));
        }
        catch (ArgumentException)
        {
            // The input is malformed; the record keeps the raw input, reason and SLM output.
        }

        return log.AppendAsync(escalated, prompt, schema, workloadId, cancellationToken);
    }
}
