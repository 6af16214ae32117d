using Spectre.Console;

namespace HeteroAgents.Orchestrator.Cli;

/// <summary>
/// Progress of a one-shot step (flywheel steps, model pulls): a Spectre bar on an interactive terminal, otherwise a
/// plain line per stage and per tenth of the work on the error writer. Reports are handled synchronously.
/// </summary>
internal static class StepProgress
{
    public static async Task<T> RunAsync<T>(CliContext context, string description, Func<Action<string, long, long?>, Task<T>> work)
    {
        if (!context.IsInteractive)
        {
            var printer = new PlainStepPrinter(context.Error);
            return await work(printer.Report);
        }

        var console = ConsoleFactory.Create(context.Error, interactive: true);
        return await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(description), autoStart: true, maxValue: 1);
                var result = await work((stage, done, total) =>
                {
                    task.Description = Markup.Escape($"{description}: {stage}");
                    if (total is > 0)
                    {
                        task.MaxValue = total.Value;
                        task.Value = done;
                    }
                    else
                    {
                        task.IsIndeterminate = true;
                    }
                });
                task.Value = task.MaxValue;
                task.StopTask();
                return result;
            });
    }
}
