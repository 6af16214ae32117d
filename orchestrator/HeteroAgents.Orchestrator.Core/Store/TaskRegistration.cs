namespace HeteroAgents.Orchestrator.Store;

/// <summary>The result of registering a task line in its batch.</summary>
/// <param name="IsNew">True when the task id was not registered before (the line's custom_id is unique so far).</param>
/// <param name="FirstLine">The line that registered the task id first (this line when <paramref name="IsNew"/>).</param>
public readonly record struct TaskRegistration(bool IsNew, long FirstLine);
