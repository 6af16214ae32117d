using System.CommandLine;
using System.Globalization;
using HeteroAgents.Flywheel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace HeteroAgents.Orchestrator.Cli;

/// <summary><c>hetero flywheel scrub [&lt;log&gt;] -o &lt;file&gt;</c>: copy the log with personal data replaced (without a log: the configured sink, e.g. the Redis stream).</summary>
internal static class FlywheelScrubCommand
{
    public static Command Create(CliContext context)
    {
        var log = FlywheelCommand.LogArgument();
        log.Arity = ArgumentArity.ZeroOrOne;
        log.Description += " Default: the configured log (Hetero:Flywheel:Logging: JSONL directory or Redis stream).";
        var output = new Option<FileInfo>("--out", "-o") { Description = "The scrubbed JSONL file to write.", Required = true };
        var command = new Command("scrub", "Replace e-mail addresses, phone and card numbers, IBANs, IPs, national ids and configured terms in every text field.")
        {
            log, output,
        };
        command.SetAction((parse, ct) =>
        {
            var input = parse.GetValue(log);
            var target = parse.GetRequiredValue(output).FullName;
            return FlywheelCommand.RunAsync(context, input, ct, async (services, token) =>
            {
                var options = services.GetRequiredService<IOptions<PiiScrubberOptions>>().Value;
                var summary = await StepProgress.RunAsync(context, "scrub", report => input is null
                    ? FlywheelScrubber.ScrubLogAsync(services.GetRequiredService<IFrontierCallLog>(), target, options, FlywheelCommand.Progress(report), token)
                    : FlywheelScrubber.ScrubFileAsync(input.FullName, target, options, FlywheelCommand.Progress(report), token));
                ConsoleFactory.Create(context.Out, context.IsInteractive).Write(Table(summary));
                return CommandRunner.Ok;
            });
        });
        return command;
    }

    private static Table Table(ScrubSummary summary)
    {
        var table = new Table().Title("scrub").AddColumn("").AddColumn(new TableColumn("count").RightAligned());
        table.AddRow("records", N(summary.Records));
        table.AddRow("records changed", N(summary.RecordsChanged));
        foreach (var (type, count) in summary.Replacements.OrderByDescending(p => p.Value))
        {
            table.AddRow("  " + Markup.Escape(type.ToString()), N(count));
        }

        table.AddRow("replacements", N(summary.TotalReplacements));
        table.AddRow("output", Markup.Escape(summary.OutputPath));
        return table;
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
