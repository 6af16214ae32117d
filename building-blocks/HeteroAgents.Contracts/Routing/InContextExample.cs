using System.Text.Json;

namespace HeteroAgents.Contracts;

/// <summary>
/// One scrubbed frontier answer offered to the SLM as an in-context example for its workload and task type: one JSON
/// line of the examples file (<c>hetero flywheel examples</c> writes it, <c>Hetero:Routing:ExamplesFile</c> names it for
/// workers), e.g. <c>{"workload":"tickets","task":"classify","material":"…","answer":"{\"label\":\"refund\"}"}</c>.
/// </summary>
/// <param name="Workload">The workload.</param>
/// <param name="Task">The task type's wire name.</param>
/// <param name="Material">The task's text (or a tool call's request), scrubbed: what similarity is measured on.</param>
/// <param name="Answer">The frontier's answer (JSON text).</param>
public sealed record InContextExample(string Workload, string Task, string Material, string Answer)
{
    /// <summary>Reads one line; throws <see cref="FormatException"/> naming <paramref name="source"/> and the field at fault.</summary>
    public static InContextExample Parse(string line, string source)
    {
        InContextExample? example;
        try
        {
            example = JsonSerializer.Deserialize<InContextExample>(line, HeteroJson.Options);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{source}: not an in-context example line: {ex.Message}", ex);
        }

        return example switch
        {
            null => throw new FormatException($"{source}: not an in-context example line (null)"),
            { Workload: null or "" } => throw new FormatException($"{source}: workload is missing"),
            { Task: var t } when !TaskTypes.TryParse(t, out _) => throw new FormatException($"{source}: task '{t}' is not a task type"),
            { Material: null or "" } => throw new FormatException($"{source}: material is missing"),
            { Answer: null or "" } => throw new FormatException($"{source}: answer is missing"),
            _ => example,
        };
    }

    /// <summary>The example as one JSON line.</summary>
    public string ToJsonLine() => JsonSerializer.Serialize(this, HeteroJson.Options);
}
