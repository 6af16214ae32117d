using HeteroAgents.Contracts;
using HeteroAgents.Fleet.Scaling;

namespace HeteroAgents.Fleet.Supervision;

/// <summary>What one pool of the supervisor is doing, for display and tests.</summary>
/// <param name="TaskType">The task type.</param>
/// <param name="Queue">The queue the pool scales by.</param>
/// <param name="Running">Workers running now.</param>
/// <param name="PendingRestarts">Crashed workers waiting for their backoff delay to end.</param>
/// <param name="Stopping">Workers asked to stop (scale-down) that have not exited yet.</param>
/// <param name="Launches">Processes started so far, restarts included.</param>
/// <param name="Crashes">Unrequested exits (and failed launches) so far.</param>
/// <param name="ProcessIds">Ids of the running workers.</param>
/// <param name="LastDecision">The last scaling decision, or null before the first queue reading.</param>
public sealed record WorkerPoolStatus(
    TaskType TaskType,
    string Queue,
    int Running,
    int PendingRestarts,
    int Stopping,
    int Launches,
    int Crashes,
    IReadOnlyList<int> ProcessIds,
    ScalingDecision? LastDecision);
