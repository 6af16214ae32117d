namespace HeteroAgents.Worker.Hosting;

/// <summary>Keys of the worker's keyed services, so they never collide with a host's own registrations (e.g. the orchestrator's frontier <c>IChatClient</c>).</summary>
public static class WorkerServiceKeys
{
    /// <summary>The worker's SLM <c>IChatClient</c> (backend plus middleware).</summary>
    public const string ChatClient = "hetero.worker.slm";
}
