using HeteroAgents.Orchestrator.Store;

namespace HeteroAgents.Orchestrator.Cli;

/// <summary>One progress observation of a batch, with the derived rate and ETA.</summary>
/// <param name="Counts">The batch's counters.</param>
/// <param name="ExpectedTotal">Task lines in the input file.</param>
/// <param name="Elapsed">Time since the batch started.</param>
internal sealed record ProgressSnapshot(BatchCounts Counts, long ExpectedTotal, TimeSpan Elapsed)
{
    public double Rate => Elapsed.TotalSeconds > 0 ? Counts.Done / Elapsed.TotalSeconds : 0;

    public TimeSpan? Eta => Rate > 0 ? TimeSpan.FromSeconds(Math.Max(0, ExpectedTotal - Counts.Done) / Rate) : null;

    public string Describe() =>
        $"done {Counts.Done:N0}/{ExpectedTotal:N0} (completed {Counts.Completed:N0}, escalated {Counts.Escalated:N0}, failed {Counts.Failed:N0}) " +
        $"{Rate:N1}/s ETA {(Eta is { } eta ? eta.ToString(@"hh\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture) : "--:--:--")}";
}
