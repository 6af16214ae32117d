using HeteroAgents.Contracts;

namespace HeteroAgents.Fleet.Supervision;

/// <summary>Everything needed to start one worker process.</summary>
/// <param name="Name">A name for logs, unique within the fleet, e.g. <c>classify-3</c>.</param>
/// <param name="TaskType">The task type the worker serves.</param>
/// <param name="Command">Executable to run.</param>
/// <param name="Arguments">Arguments, passed without shell interpretation.</param>
/// <param name="Environment">Variables added to the supervisor's environment.</param>
public sealed record WorkerLaunchSpec(
    string Name,
    TaskType TaskType,
    string Command,
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string> Environment);
