namespace HeteroAgents.Contracts;

/// <summary>The outcome of <see cref="TaskResultValidator"/>'s <c>Validate</c>: schema violations and the first failed semantic check.</summary>
/// <param name="SchemaErrors">Violations of the task's result schema, each as <c>path: kind</c>; empty when the result matches it.</param>
/// <param name="Problem">The first failed semantic check, or null when all pass.</param>
public sealed record ResultValidation(IReadOnlyList<string> SchemaErrors, ResultProblem? Problem)
{
    /// <summary>Whether the result matches its schema and passes every semantic check.</summary>
    public bool IsValid => SchemaErrors.Count == 0 && Problem is null;

    /// <summary>Every finding as one line each: the schema errors, then the failed check.</summary>
    public IReadOnlyList<string> Describe() =>
        Problem is null ? SchemaErrors : [.. SchemaErrors, Problem.ToString()];
}
