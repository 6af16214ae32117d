namespace HeteroAgents.Worker.Validation;

/// <summary>A failed check on a model's result.</summary>
/// <param name="Check">The check's stable name, e.g. <c>label_in_set</c>, <c>value_in_source</c>, <c>tool_exists</c>, <c>tool_arguments</c>, <c>max_words</c>.</param>
/// <param name="Detail">What failed, naming the field and value at fault.</param>
public sealed record ValidationProblem(string Check, string Detail)
{
    /// <summary>The problem as one line for an escalation's detail: <c>check &lt;name&gt; failed: &lt;detail&gt;</c>.</summary>
    public override string ToString() => $"check {Check} failed: {Detail}";
}
