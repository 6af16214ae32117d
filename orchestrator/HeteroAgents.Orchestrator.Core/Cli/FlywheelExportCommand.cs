using System.CommandLine;
using System.Globalization;
using HeteroAgents.Flywheel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace HeteroAgents.Orchestrator.Cli;

/// <summary><c>hetero flywheel export &lt;log&gt; --cluster &lt;id&gt; [--format chat-jsonl] -o &lt;dir&gt;</c>: train/eval JSONL and a LoRA recipe for one cluster.</summary>
internal static class FlywheelExportCommand
{
    public static Command Create(CliContext context)
    {
        var log = FlywheelCommand.LogArgument();
        var cluster = new Option<string>("--cluster") { Description = "The cluster id (from `hetero flywheel clusters`).", Required = true };
        var format = new Option<string?>("--format") { Description = "Dataset format; only chat-jsonl. Default: Hetero:Flywheel:Export:Format." };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Directory for train.jsonl, eval.jsonl, lora-recipe.json and the training files (TRL, Unsloth, Axolotl, TRAINING.md).", Required = true };
        var command = new Command("export", "Export one cluster's answered calls (scrubbed again) as a fine-tuning dataset with a held-out split and a LoRA recipe.")
        {
            log, cluster, format, output,
        };
        command.SetAction((parse, ct) =>
        {
            var input = parse.GetRequiredValue(log);
            return FlywheelCommand.RunAsync(context, input, ct, async (services, token) =>
            {
                var options = services.GetRequiredService<IOptions<ExportOptions>>().Value;
                if (parse.GetValue(format) is { } f)
                {
                    options.Format = f;
                }

                var summary = await StepProgress.RunAsync(context, "export", report => FlywheelExporter.ExportAsync(
                    input.FullName, parse.GetRequiredValue(cluster), parse.GetRequiredValue(output).FullName, options, FlywheelCommand.Progress(report), token));
                ConsoleFactory.Create(context.Out, context.IsInteractive).Write(Table(summary));
                return CommandRunner.Ok;
            });
        });
        return command;
    }

    private static Table Table(ExportSummary s)
    {
        var table = new Table().Title("export " + Markup.Escape(s.Cluster.Id)).AddColumn("").AddColumn("value");
        table.AddRow("train examples", s.TrainExamples.ToString(CultureInfo.InvariantCulture));
        table.AddRow("eval examples", s.EvalExamples.ToString(CultureInfo.InvariantCulture));
        foreach (var (reason, count) in s.Skipped.OrderByDescending(p => p.Value))
        {
            table.AddRow("  skipped " + Markup.Escape(reason), count.ToString(CultureInfo.InvariantCulture));
        }

        table.AddRow("PII replaced", s.PiiReplacements.Values.Sum().ToString(CultureInfo.InvariantCulture));
        table.AddRow("base model", Markup.Escape(s.Recipe.BaseModel));
        table.AddRow("train", Markup.Escape(s.TrainPath));
        table.AddRow("eval", Markup.Escape(s.EvalPath));
        table.AddRow("recipe", Markup.Escape(s.RecipePath));
        table.AddRow("training", Markup.Escape(string.Join(", ", s.TrainingFiles.Select(Path.GetFileName))));
        return table;
    }
}
