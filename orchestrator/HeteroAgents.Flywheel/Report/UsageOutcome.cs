namespace HeteroAgents.Flywheel;

/// <summary>How a counted call ended.</summary>
internal enum UsageOutcome
{
    /// <summary>Completed by an SLM.</summary>
    Slm,

    /// <summary>Completed by a frontier model.</summary>
    Frontier,

    /// <summary>Escalated, unresolved.</summary>
    Escalated,

    /// <summary>Failed.</summary>
    Failed,
}
