namespace HeteroAgents.Orchestrator.Cli;

/// <summary>Shows a running batch's progress: a live bar on a terminal, plain lines elsewhere.</summary>
internal interface IProgressView
{
    /// <summary>Runs <paramref name="work"/>, which reports snapshots through the callback it is given.</summary>
    Task<T> RunAsync<T>(Func<Action<ProgressSnapshot>, Task<T>> work);
}
