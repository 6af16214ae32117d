using Spectre.Console;

namespace HeteroAgents.Orchestrator.Cli;

/// <summary>The live Spectre.Console progress bar: done/escalated/failed, rate and ETA.</summary>
internal sealed class LiveProgressView(IAnsiConsole console) : IProgressView
{
    public Task<T> RunAsync<T>(Func<Action<ProgressSnapshot>, Task<T>> work) =>
        console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask("submitting", autoStart: true, maxValue: 1);
                void Report(ProgressSnapshot s)
                {
                    task.MaxValue = Math.Max(1, s.ExpectedTotal);
                    task.Value = s.Counts.Done;
                    task.Description = Markup.Escape(
                        $"[{s.Counts.Completed:N0} ok | {s.Counts.Escalated:N0} esc | {s.Counts.Failed:N0} fail] {s.Rate:N0}/s ETA " +
                        (s.Eta is { } eta ? eta.ToString(@"hh\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture) : "--:--:--"));
                }

                var result = await work(Report);
                task.StopTask();
                return result;
            });
}
