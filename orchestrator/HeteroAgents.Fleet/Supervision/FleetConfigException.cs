namespace HeteroAgents.Fleet.Supervision;

/// <summary>A fleet configuration is invalid; <see cref="Errors"/> lists every problem with its location.</summary>
public sealed class FleetConfigException : Exception
{
    /// <summary>Creates an exception with no errors listed.</summary>
    public FleetConfigException()
        : this("Invalid fleet configuration.")
    {
    }

    /// <summary>Creates an exception with a message and no errors listed.</summary>
    public FleetConfigException(string message)
        : base(message)
    {
        Errors = [];
    }

    /// <summary>Creates an exception with a message and an inner exception.</summary>
    public FleetConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    /// <summary>Creates an exception listing <paramref name="errors"/>, for the configuration named <paramref name="source"/>.</summary>
    public FleetConfigException(string source, IReadOnlyList<FleetConfigError> errors)
        : base($"Invalid fleet configuration {source}:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", errors))
    {
        Errors = errors;
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<FleetConfigError> Errors { get; }
}
