using System.CommandLine;
using System.Globalization;
using HeteroAgents.Flywheel;
using HeteroAgents.Worker.Hosting;
using HeteroAgents.Worker.Options;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace HeteroAgents.Orchestrator.Cli;

/// <summary>
/// <c>hetero flywheel eval &lt;log&gt; [--model &lt;dir|repo[@rev]&gt;] [--cluster id]</c>: replay held-out calls through an SLM
/// and report agreement. The SLM client is the worker's, assembled the one way (<c>AddHeteroWorker</c>: backend factory
/// with its middleware): the in-process ONNX model of <c>--model</c> (<c>Hetero:Slm:ModelPath</c>, backend <c>onnx</c>), else
/// the backend of <c>Hetero:Slm</c>.
/// </summary>
internal static class FlywheelEvalCommand
{
    public static Command Create(CliContext context)
    {
        var log = FlywheelCommand.LogArgument();
        var model = new Option<string?>("--model", "-m") { Description = "An ONNX model folder, or a repo[@revision] pulled with `hetero models pull`. Default: the backend of Hetero:Slm (Endpoint, Model)." };
        var cluster = new Option<string?>("--cluster") { Description = "Only this cluster. Default: every cluster (Hetero:Flywheel:Eval:ClusterId)." };
        var candidate = new Option<string?>("--candidate")
        {
            Description = "Compare a registered candidate (its id; default the newest open one) with the model in force on its workload's eval split and record the result for `hetero models promote`.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var evalFraction = new Option<double?>("--eval-fraction") { Description = "With --candidate: share of logged answers in the eval split; 1 uses all. Default 0.1 (Hetero:Flywheel:Calibrate:EvalFraction)." };
        var policy = PolicyTarget.Create();
        var command = new Command("eval", "Replay held-out frontier calls through the SLM and report agreement and the confidence threshold per cluster; with --candidate, candidate against the model in force.")
        {
            log, model, cluster, candidate, evalFraction,
        };
        policy.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var input = parse.GetRequiredValue(log);
            if (parse.GetResult(candidate) is not null)
            {
                return await FlywheelCommand.RunAsync(context, input, ct,
                    (services, token) => FlywheelCandidateEval.RunAsync(context, services, input, parse.GetValue(candidate), parse.GetValue(evalFraction), policy.Resolve(parse, services), token),
                    PolicyTarget.Register);
            }

            var modelPath = parse.GetValue(model);
            var flags = CliOptions.Flags(null);
            if (modelPath is not null)
            {
                flags[SlmOptions.SectionName + ":" + nameof(SlmOptions.ModelPath)] = modelPath;
                flags[SlmOptions.SectionName + ":" + nameof(SlmOptions.Backend)] = BackendNames.Onnx;
            }

            if (modelPath is null && string.IsNullOrWhiteSpace(OrchestratorHostFactory.BuildConfiguration(context, flags)[SlmOptions.SectionName + ":Endpoint"]))
            {
                await context.Error.WriteLineAsync(
                    "error: no SLM to evaluate: pass --model <onnx model folder or pulled repo>, or set Hetero:Slm:Endpoint and Hetero:Slm:Model " +
                    "(environment HETERO__SLM__ENDPOINT, HETERO__SLM__MODEL) to an OpenAI-compatible server");
                return CommandRunner.BadUsage;
            }

            return await FlywheelCommand.RunAsync(context, input, ct, async (services, token) =>
            {
                var options = services.GetRequiredService<IOptions<EvalOptions>>().Value;
                if (parse.GetValue(cluster) is { } only)
                {
                    options.ClusterId = only;
                }

                var slm = services.GetRequiredKeyedService<IChatClient>(WorkerServiceKeys.ChatClient);
                var report = await StepProgress.RunAsync(context, "eval",
                    r => FlywheelEvaluator.EvaluateFileAsync(input.FullName, slm, options, FlywheelCommand.Progress(r), token));
                ConsoleFactory.Create(context.Out, context.IsInteractive).Write(Table(report));
                return CommandRunner.Ok;
            }, (services, configuration) => services.AddHeteroWorker(configuration), flags);
        });
        return command;
    }

    private static Table Table(EvalReport report)
    {
        var table = new Table().Title($"eval (target agreement {report.TargetAgreement:P0})")
            .AddColumn("cluster").AddColumn("task").AddColumn(new TableColumn("replayed").RightAligned()).AddColumn(new TableColumn("agreed").RightAligned())
            .AddColumn(new TableColumn("agreement").RightAligned()).AddColumn(new TableColumn("errors").RightAligned())
            .AddColumn("threshold (coverage)").AddColumn("ready");
        foreach (var c in report.Clusters)
        {
            table.AddRow(
                Markup.Escape(c.ClusterId), Markup.Escape(c.TaskType),
                c.Replayed.ToString(CultureInfo.InvariantCulture), $"{c.Agreed}/{c.Counted}",
                c.Agreement is { } a ? a.ToString("P1", CultureInfo.InvariantCulture) : "-",
                c.Errors.ToString(CultureInfo.InvariantCulture),
                c.Threshold is { } t ? string.Create(CultureInfo.InvariantCulture, $"{t.Threshold:0.###} ({t.Coverage:P0})") : "-",
                c.ReadyToMove ? "[green]yes[/]" : "no");
        }

        return table;
    }
}
