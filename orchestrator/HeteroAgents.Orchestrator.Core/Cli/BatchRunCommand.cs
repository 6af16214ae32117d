using System.CommandLine;
using HeteroAgents.Contracts;
using HeteroAgents.Inference.Hub;
using HeteroAgents.Messaging;
using HeteroAgents.Orchestrator.Batches;
using HeteroAgents.Orchestrator.Options;
using HeteroAgents.Orchestrator.Store;
using HeteroAgents.Worker.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace HeteroAgents.Orchestrator.Cli;

/// <summary><c>hetero batch run &lt;in.jsonl&gt; [--out f] [--transport t] [--model dir|owner/name[@rev]] [--no-default-model] [--no-progress]</c>: submit, wait with progress, write results, summarize.</summary>
internal static class BatchRunCommand
{
    public static Command Create(CliContext context)
    {
        var input = new Argument<FileInfo>("input") { Description = "The batch file (JSONL, one task per line)." };
        var output = CliOptions.Out("Where to write the results (JSONL, one line per input line). Default: stdout.");
        var transport = CliOptions.Transport();
        var model = CliOptions.Model();
        var noDefault = CliOptions.NoDefaultModel();
        var noProgress = new Option<bool>("--no-progress") { Description = "Print plain progress lines instead of the live bar (also when not on a terminal or CI=true)." };
        var command = new Command("run", "Submit a batch, wait for every task with a live progress bar, write the results and a summary.")
        {
            input, output, transport, model, noDefault, noProgress,
        };
        command.SetAction((parse, ct) => RunAsync(context, parse.GetRequiredValue(input), parse.GetValue(output),
            parse.GetValue(transport), parse.GetValue(model), parse.GetValue(noDefault), parse.GetValue(noProgress), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, FileInfo input, FileInfo? output, TransportKind? transport, string? model, bool noDefault, bool noProgress, CancellationToken cancellationToken)
    {
        if (!input.Exists)
        {
            await context.Error.WriteLineAsync($"error: input file not found: {input.FullName}");
            return CommandRunner.BadUsage;
        }

        if (!string.IsNullOrWhiteSpace(model) && !Directory.Exists(model) && !ModelReference.TryParse(model, out _))
        {
            await context.Error.WriteLineAsync($"error: --model: model folder not found: {Path.GetFullPath(model)} (pass a model folder or a cached owner/name[@revision])");
            return CommandRunner.BadUsage;
        }

        var flags = CliOptions.Flags(transport);
        if (!string.IsNullOrWhiteSpace(model))
        {
            // A folder is passed as its full path; an alias is resolved against the model cache by the workers' options.
            flags["Hetero:Slm:ModelPath"] = Directory.Exists(model) ? Path.GetFullPath(model) : model;
        }

        if (noDefault)
        {
            flags[ModelStoreServiceCollectionExtensions.DefaultSection + ":" + nameof(HubOptions.UseDefault)] = "false";
        }

        var configuration = OrchestratorHostFactory.BuildConfiguration(context, flags);
        var effective = configuration.GetSection(MessagingOptions.SectionName).GetValue(nameof(MessagingOptions.Transport), TransportKind.InMemory);
        var mode = effective == TransportKind.InMemory ? HostMode.BusWithWorkers : HostMode.Bus;
        if (mode == HostMode.BusWithWorkers && DefaultModelSetup.Applies(configuration))
        {
            var prepared = await DefaultModelSetup.PrepareAsync(context, flags, configuration, cancellationToken);
            if (prepared != CommandRunner.Ok)
            {
                return prepared;
            }
        }

        return await CommandRunner.RunAsync(context, flags, mode, OrchestratorTelemetry.For("hetero-batch", queueDepth: false), async (services, ct) =>
        {
            var time = services.GetRequiredService<TimeProvider>();
            var store = services.GetRequiredService<IBatchStore>();
            var started = time.GetTimestamp();
            var batchId = BatchSubmitter.NewBatchId(time);
            await context.Error.WriteLineAsync(
                $"batch {batchId}: tasks from {input.Name} ({input.Length:N0} bytes; transport {effective.ToString().ToLowerInvariant()}, " +
                $"store {OrchestratorServiceCollectionExtensions.ResolveStoreKind(configuration).ToString().ToLowerInvariant()})");

            var progress = new SubmitProgress();
            var submission = Task.Run(
                () => services.GetRequiredService<BatchSubmitter>().SubmitAsync(batchId, input.FullName, throttleOnOutcomes: true, progress, ct), ct);
            var interactive = context.IsInteractive && !noProgress;
            var errorConsole = ConsoleFactory.Create(context.Error, interactive);
            IProgressView view = interactive
                ? new LiveProgressView(errorConsole)
                : new PlainProgressView(context.Error, time, TimeSpan.FromSeconds(2));
            var monitor = services.GetRequiredService<BatchMonitor>();
            var final = await view.RunAsync(report => monitor.WaitAsync(batchId, submission,
                info => report(new ProgressSnapshot(info.Counts, Math.Max(progress.EstimatedLines, info.Counts.Total), time.GetElapsedTime(started))), ct));
            await submission;

            var summary = await BatchOutput.WriteAsync(store, batchId, output, context.Out, ct);
            errorConsole.Write(BatchTables.Summary(batchId, summary, time.GetElapsedTime(started), output?.FullName));
            if (summary.Lines != final.Counts.Total)
            {
                await context.Error.WriteLineAsync($"warning: wrote {summary.Lines:N0} output lines for {final.Counts.Total:N0} input lines");
                return CommandRunner.Failure;
            }

            return CommandRunner.Ok;
        }, cancellationToken);
    }
}
