namespace HeteroAgents.Contracts;

/// <summary>What <see cref="GroundedValuesCheck"/> reports and exempts, per task type.</summary>
/// <param name="TextCheck">The check named when a string is missing.</param>
/// <param name="NumberCheck">The check named when a JSON number is missing.</param>
/// <param name="DateCheck">The check named when a date-format string is missing.</param>
/// <param name="FormatsExempt">Any <c>format</c> exempts a string (tool arguments: the model normalizes "tomorrow" to a date); otherwise date formats are compared as dates.</param>
/// <param name="DefaultsExempt">A value equal to its schema's <c>default</c> is exempt (the schema, not the source, supplies it).</param>
internal sealed record GroundingRules(string TextCheck, string NumberCheck, string DateCheck, bool FormatsExempt, bool DefaultsExempt)
{
    public static GroundingRules Extract { get; } = new(ResultCheckNames.ValueInSource, ResultCheckNames.NumberInSource, ResultCheckNames.DateInSource, FormatsExempt: false, DefaultsExempt: false);

    public static GroundingRules ToolArguments { get; } = new(ResultCheckNames.ArgumentInRequest, ResultCheckNames.ArgumentInRequest, ResultCheckNames.ArgumentInRequest, FormatsExempt: true, DefaultsExempt: true);
}
