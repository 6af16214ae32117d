namespace HeteroAgents.Fleet.Supervision;

/// <summary>Starts worker processes. <see cref="ProcessWorkerLauncher"/> starts real ones; tests use a fake.</summary>
public interface IWorkerLauncher
{
    /// <summary>
    /// Starts a worker. Throws when it cannot be started at all (e.g. the command does not exist); the supervisor
    /// treats that like a crash and retries with backoff.
    /// </summary>
    IWorkerProcess Launch(WorkerLaunchSpec spec);
}
