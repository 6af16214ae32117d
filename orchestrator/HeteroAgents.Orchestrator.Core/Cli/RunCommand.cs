using System.CommandLine;
using System.Globalization;
using HeteroAgents.Contracts;
using HeteroAgents.Frontier;
using HeteroAgents.Messaging;
using HeteroAgents.Plugins.SemanticKernel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace HeteroAgents.Orchestrator.Cli;

/// <summary><c>hetero run "&lt;goal&gt;" [--input file]</c>: the frontier model plans, the SLM fleet runs the sub-tasks (<see cref="HeteroPlanner"/>).</summary>
internal static class RunCommand
{
    public static Command Create(CliContext context)
    {
        var goal = new Argument<string>("goal") { Description = "What to do, in plain language." };
        var input = new Option<FileInfo?>("--input", "-i") { Description = "A text file given to the planner as the goal's input." };
        var transport = CliOptions.Transport();
        var command = new Command("run", "Run a goal: the frontier model (Hetero:Frontier) plans and calls classify/extract/call_tool/summarize on the SLM fleet; " +
                                         "prints the plan trace and the answer.")
        {
            goal, input, transport,
        };
        command.SetAction((parse, ct) => RunAsync(context, parse.GetRequiredValue(goal), parse.GetValue(input), parse.GetValue(transport), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string goal, FileInfo? input, TransportKind? transport, CancellationToken cancellationToken)
    {
        if (input is { Exists: false })
        {
            await context.Error.WriteLineAsync($"error: input file not found: {input.FullName}");
            return CommandRunner.BadUsage;
        }

        var flags = CliOptions.Flags(transport);
        var configuration = OrchestratorHostFactory.BuildConfiguration(context, flags);
        if (!FrontierAvailability.From(configuration).IsConfigured)
        {
            var frontier = configuration.GetSection(FrontierOptions.SectionName).Get<FrontierOptions>() ?? new FrontierOptions();
            await context.Error.WriteLineAsync(
                "error: `hetero run` needs a frontier model to plan. Set Hetero:Frontier:Model (environment HETERO__FRONTIER__MODEL), " +
                "Hetero:Frontier:Endpoint (HETERO__FRONTIER__ENDPOINT, an OpenAI-compatible base URL; default OpenAI) and the API key in the environment " +
                $"variable {frontier.ApiKeyEnvironmentVariable} (name set by Hetero:Frontier:ApiKeyEnvironmentVariable).");
            return CommandRunner.BadUsage;
        }

        var inputText = input is null ? null : await File.ReadAllTextAsync(input.FullName, cancellationToken);
        var effective = configuration.GetSection(MessagingOptions.SectionName).GetValue(nameof(MessagingOptions.Transport), TransportKind.InMemory);
        var mode = effective == TransportKind.InMemory ? HostMode.BusWithWorkers : HostMode.Bus;
        return await CommandRunner.RunAsync(context, flags, mode, async (services, ct) =>
        {
            var result = await services.GetRequiredService<HeteroPlanner>().RunAsync(goal, inputText, ct);
            if (context.IsInteractive)
            {
                var console = ConsoleFactory.Create(context.Out, interactive: true);
                console.Write(Trace(result));
                console.WriteLine();
                console.WriteLine(result.Answer);
            }
            else
            {
                PlanTraceWriter.Write(result, context.Out);
            }

            return CommandRunner.Ok;
        }, cancellationToken);
    }

    private static Table Trace(PlannerResult run)
    {
        var table = new Table().Title("plan trace").AddColumn("#").AddColumn("function").AddColumn("served by").AddColumn("escalation")
            .AddColumn(new TableColumn("ms").RightAligned()).AddColumn(new TableColumn("tokens").RightAligned()).AddColumn("result");
        foreach (var s in run.Steps)
        {
            var tokens = (s.SlmUsage?.TotalTokens ?? 0) + (s.FrontierUsage?.TotalTokens ?? 0);
            table.AddRow(
                s.Index.ToString(CultureInfo.InvariantCulture), Markup.Escape(s.Function), Markup.Escape(s.ServedBy ?? "-"),
                s.Escalation is { } e ? Markup.Escape(e.Reason.ToWireName() + (e.Resolved ? " (resolved)" : string.Empty)) : "-",
                s.LatencyMs.ToString(CultureInfo.InvariantCulture), tokens.ToString(CultureInfo.InvariantCulture),
                s.Error is null ? Markup.Escape(s.Result ?? string.Empty) : "[red]" + Markup.Escape(s.Error) + "[/]");
        }

        table.Caption(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{run.Steps.Count} sub-tasks: {run.ServedBySlm} by SLMs, {run.Escalated} escalated; planning {run.PlanningRequests} requests; total {run.TotalUsage.TotalTokens} tokens in {run.LatencyMs} ms")));
        return table;
    }
}
