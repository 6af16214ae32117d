using System.Text.Json;
using System.Text.Json.Nodes;

namespace HeteroAgents.Contracts;

/// <summary>
/// The one validation of a task's result, used by the workers on their model's output and by the plugins on a
/// worker's answer and on the frontier model's resolution: the result must be a JSON object that matches the task's
/// narrowed result schema (<see cref="ResultSchemas.For(ITaskMessage)"/>, validated with NJsonSchema) and passes the
/// semantic checks a schema cannot express (<see cref="ResultCheckNames"/>): every number is finite; the label is in the
/// caller's set; the tool exists and its arguments validate against its parameters schema; the summary is not blank and
/// within its word budget; and the grounding checks — extracted strings, numbers and dates are in the source text, tool
/// arguments are in the request, a summary's facts are in its source and enough of its words
/// (<see cref="SourceGrounding"/>, <see cref="SummaryGrounding"/>). Thread-safe.
/// </summary>
public sealed class TaskResultValidator
{
    private readonly JsonSchemaCache _schemas;

    /// <summary>Creates a validator compiling schemas through <paramref name="schemas"/>.</summary>
    /// <param name="schemas">The compiled-schema cache.</param>
    /// <param name="checkValuesInSource">Whether the grounding checks run: values must come from the source text or request.</param>
    /// <param name="minSummaryFaithfulness">The share of a summary's content words that must be in the source (<see cref="SummaryGrounding.DefaultMinFaithfulness"/>).</param>
    public TaskResultValidator(JsonSchemaCache schemas, bool checkValuesInSource = true, double minSummaryFaithfulness = SummaryGrounding.DefaultMinFaithfulness)
    {
        ArgumentNullException.ThrowIfNull(schemas);
        ArgumentOutOfRangeException.ThrowIfLessThan(minSummaryFaithfulness, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minSummaryFaithfulness, 1);
        _schemas = schemas;
        ChecksValuesInSource = checkValuesInSource;
        MinSummaryFaithfulness = minSummaryFaithfulness;
    }

    /// <summary>Every check, with <see cref="JsonSchemaCache.Shared"/>: what an SLM's answer must pass.</summary>
    public static TaskResultValidator Default { get; } = new(JsonSchemaCache.Shared);

    /// <summary>
    /// Every check but the grounding checks, with <see cref="JsonSchemaCache.Shared"/>: what a frontier model's
    /// resolution must pass. The frontier answers what the SLM could not, and may normalize or infer a value that the
    /// text does not spell out; its answer is held to the schema and the other semantic checks.
    /// </summary>
    public static TaskResultValidator Frontier { get; } = new(JsonSchemaCache.Shared, checkValuesInSource: false);

    /// <summary>The compiled-schema cache (for kinds whose checks compile schemas, e.g. a tool's parameters).</summary>
    internal JsonSchemaCache Schemas => _schemas;

    /// <summary>Whether the grounding checks run (values must come from the source text or request).</summary>
    public bool ChecksValuesInSource { get; }

    /// <summary>The share of a summary's content words that must be in its source, when grounding checks run.</summary>
    public double MinSummaryFaithfulness { get; }

    /// <summary>Validates <paramref name="result"/> against <paramref name="task"/>: schema first, then the semantic checks.</summary>
    /// <param name="task">The task the result answers.</param>
    /// <param name="result">The result.</param>
    /// <param name="resultSchema">The task's result schema when the caller already built it; else built here.</param>
    public ResultValidation Validate(ITaskMessage task, JsonElement result, JsonNode? resultSchema = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (result.ValueKind != JsonValueKind.Object)
        {
            return new([$"the result must be a JSON object; got a JSON {result.ValueKind.ToString().ToLowerInvariant()}"], null);
        }

        return Validate(task, result, ResultSchemas.ToJsonString(resultSchema ?? ResultSchemas.For(task)));
    }

    /// <summary>Validates <paramref name="result"/> against <paramref name="task"/> and its result schema given as compact JSON text.</summary>
    /// <param name="task">The task the result answers.</param>
    /// <param name="result">The result.</param>
    /// <param name="resultSchemaJson">The task's result schema (<see cref="ResultSchemas.ToJsonString"/> of <see cref="ResultSchemas.For(ITaskMessage)"/>).</param>
    public ResultValidation Validate(ITaskMessage task, JsonElement result, string resultSchemaJson)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(resultSchemaJson);
        if (result.ValueKind != JsonValueKind.Object)
        {
            return new([$"the result must be a JSON object; got a JSON {result.ValueKind.ToString().ToLowerInvariant()}"], null);
        }

        var schemaErrors = SchemaErrors.Describe(_schemas.Validate(resultSchemaJson, result.GetRawText()));
        return new(schemaErrors, CheckSemantics(task, result));
    }

    /// <summary>
    /// The violations of <paramref name="resultJson"/> against <paramref name="schema"/>, each as <c>path: kind</c>
    /// (at most five; errors inside <c>anyOf</c>/<c>oneOf</c> branches are listed with their branch); empty when valid.
    /// </summary>
    public IReadOnlyList<string> ValidateSchema(JsonNode schema, string resultJson)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(resultJson);
        return SchemaErrors.Describe(_schemas.Validate(ResultSchemas.ToJsonString(schema), resultJson));
    }

    /// <summary>The first failed semantic check of <paramref name="result"/> for <paramref name="task"/>, or null when all pass.</summary>
    public ResultProblem? CheckSemantics(ITaskMessage task, JsonElement result)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (FiniteNumberCheck.Check(result) is { } overflow)
        {
            return overflow;
        }

        return task.Kind.CheckResult(task, result, this);
    }
}
