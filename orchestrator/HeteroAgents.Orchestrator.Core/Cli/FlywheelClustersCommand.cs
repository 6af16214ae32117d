using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using HeteroAgents.Contracts;
using HeteroAgents.Flywheel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace HeteroAgents.Orchestrator.Cli;

/// <summary><c>hetero flywheel clusters &lt;log&gt; [--json]</c>: candidate workloads (task type, schema, prompt similarity) with size, escalation rate and readiness.</summary>
internal static class FlywheelClustersCommand
{
    public static Command Create(CliContext context)
    {
        var log = FlywheelCommand.LogArgument();
        var json = new Option<bool>("--json") { Description = "Print the clusters as a JSON array." };
        var command = new Command("clusters", "Group logged calls by task type, response schema and prompt similarity (MinHash/LSH).") { log, json };
        command.SetAction((parse, ct) =>
        {
            var input = parse.GetRequiredValue(log);
            return FlywheelCommand.RunAsync(context, input, ct, async (services, token) =>
            {
                var options = services.GetRequiredService<IOptions<ClusteringOptions>>().Value;
                var result = await StepProgress.RunAsync(context, "clusters",
                    report => FlywheelClusterer.ClusterFileAsync(input.FullName, options, FlywheelCommand.Progress(report), token));
                if (parse.GetValue(json))
                {
                    await context.Out.WriteLineAsync(JsonSerializer.Serialize(result.Clusters, HeteroJson.Options));
                }
                else
                {
                    ConsoleFactory.Create(context.Out, context.IsInteractive).Write(Table(result.Clusters));
                }

                return CommandRunner.Ok;
            });
        });
        return command;
    }

    private static Table Table(IReadOnlyList<ClusterReport> clusters)
    {
        var table = new Table().Title($"{clusters.Count} clusters")
            .AddColumn("cluster").AddColumn("task").AddColumn(new TableColumn("calls").RightAligned()).AddColumn(new TableColumn("answered").RightAligned())
            .AddColumn(new TableColumn("esc%").RightAligned()).AddColumn(new TableColumn("unresolved").RightAligned()).AddColumn("ready").AddColumn("workloads").AddColumn("example prompt");
        foreach (var c in clusters)
        {
            table.AddRow(
                Markup.Escape(c.Id), Markup.Escape(c.TaskType),
                c.Size.ToString(CultureInfo.InvariantCulture), c.Answered.ToString(CultureInfo.InvariantCulture),
                (c.EscalationRate * 100).ToString("0.0", CultureInfo.InvariantCulture),
                c.Unresolved.ToString(CultureInfo.InvariantCulture),
                c.ReadyToFineTune ? "[green]yes[/]" : "no",
                Markup.Escape(string.Join(", ", c.WorkloadIds.Take(3))),
                Markup.Escape(c.ExamplePrompts.FirstOrDefault() ?? "-"));
        }

        return table;
    }
}
