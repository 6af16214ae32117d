namespace HeteroAgents.Contracts;

/// <summary>A failed semantic check on a result (a check its schema cannot express).</summary>
/// <param name="Check">The check's stable name, one of <see cref="ResultCheckNames"/>.</param>
/// <param name="Detail">What failed, naming the field and value at fault.</param>
public sealed record ResultProblem(string Check, string Detail)
{
    /// <summary>The problem as one line for an escalation's detail: <c>check &lt;name&gt; failed: &lt;detail&gt;</c>.</summary>
    public override string ToString() => $"check {Check} failed: {Detail}";
}
