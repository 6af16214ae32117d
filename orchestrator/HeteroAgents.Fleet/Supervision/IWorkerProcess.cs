namespace HeteroAgents.Fleet.Supervision;

/// <summary>A started worker process.</summary>
public interface IWorkerProcess
{
    /// <summary>The operating-system process id (or a fake's id).</summary>
    int Id { get; }

    /// <summary>Completes with the exit code when the process has exited.</summary>
    Task<int> Exited { get; }

    /// <summary>
    /// Asks the process to stop (SIGTERM on Unix), waits up to <paramref name="gracePeriod"/> for it to exit, then
    /// kills it. Completes when the process has exited. Returns at once if it already has.
    /// </summary>
    Task StopAsync(TimeSpan gracePeriod, CancellationToken cancellationToken);
}
