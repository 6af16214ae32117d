namespace HeteroAgents.Testing.Routing;

/// <summary>The routing quality of one task type (or all of them) in the routing-quality benchmark.</summary>
/// <param name="Task">The task type's wire name, or <c>all</c>.</param>
/// <param name="RightConfident">Right answers given confidently.</param>
/// <param name="RightConfidentCompleted">Of those, how many were completed.</param>
/// <param name="RightUnsure">Right answers given with low probability.</param>
/// <param name="RightUnsureCompleted">Of those, how many were completed.</param>
/// <param name="Wrong">Wrong answers the evidence can expose: given unsure, or with a value absent from the source.</param>
/// <param name="WrongCompleted">Of those, how many were completed (the goal: 0).</param>
/// <param name="WrongConfident">Wrong answers given confidently with every value in the source (only an audit can expose them).</param>
/// <param name="WrongConfidentCompleted">Of those, how many were completed.</param>
public sealed record RoutingQualityRow(
    string Task,
    int RightConfident,
    int RightConfidentCompleted,
    int RightUnsure,
    int RightUnsureCompleted,
    int Wrong,
    int WrongCompleted,
    int WrongConfident,
    int WrongConfidentCompleted)
{
    /// <summary>Right answers completed, of all right answers.</summary>
    public int RightCompleted => RightConfidentCompleted + RightUnsureCompleted;

    /// <summary>Right answers escalated, of all right answers.</summary>
    public int RightEscalated => RightConfident + RightUnsure - RightCompleted;

    /// <summary>The share of right, confident answers completed (the goal: at least 0.95).</summary>
    public double RightConfidentCompletedShare => RightConfident == 0 ? 1 : (double)RightConfidentCompleted / RightConfident;
}
