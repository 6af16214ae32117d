using HeteroAgents.Contracts;

namespace HeteroAgents.Plugins;

/// <summary>
/// What one plugin call did, filled in by <see cref="HeteroTaskClient"/> while a planner trace filter is listening
/// (flows with the async call through <see cref="Current"/>).
/// </summary>
internal sealed class HeteroCallRecord
{
    private static readonly AsyncLocal<HeteroCallRecord?> Slot = new();

    public static HeteroCallRecord? Current
    {
        get => Slot.Value;
        set => Slot.Value = value;
    }

    public Guid? TaskId { get; set; }

    public string? ServedBy { get; set; }

    public EscalationInfo? Escalation { get; set; }

    public TaskUsage? SlmUsage { get; set; }

    public TaskUsage? FrontierUsage { get; set; }
}
