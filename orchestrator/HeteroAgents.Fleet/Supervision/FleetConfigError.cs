namespace HeteroAgents.Fleet.Supervision;

/// <summary>One problem in a fleet configuration, located by its JSON path (e.g. <c>$.workers.classify.max</c>).</summary>
/// <param name="Path">Where the problem is.</param>
/// <param name="Message">What is wrong, with the offending value.</param>
public sealed record FleetConfigError(string Path, string Message)
{
    /// <summary>"path: message".</summary>
    public override string ToString() => $"{Path}: {Message}";
}
