using System.CommandLine;
using HeteroAgents.Messaging;
using HeteroAgents.Orchestrator.Batches;
using Microsoft.Extensions.DependencyInjection;

namespace HeteroAgents.Orchestrator.Cli;

/// <summary><c>hetero batch submit &lt;in.jsonl&gt;</c>: publish every task to RabbitMQ, record the job in Redis, print the batch id.</summary>
internal static class BatchSubmitCommand
{
    public static Command Create(CliContext context)
    {
        var input = new Argument<FileInfo>("input") { Description = "The batch file (JSONL, one task per line)." };
        var transport = CliOptions.Transport();
        var command = new Command("submit", "Submit a batch to the RabbitMQ worker fleet and print its id (job state in Redis; see `batch status`).")
        {
            input, transport,
        };
        command.SetAction((parse, ct) => RunAsync(context, parse.GetRequiredValue(input), parse.GetValue(transport), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, FileInfo input, TransportKind? transport, CancellationToken cancellationToken)
    {
        if (!input.Exists)
        {
            await context.Error.WriteLineAsync($"error: input file not found: {input.FullName}");
            return CommandRunner.BadUsage;
        }

        var flags = CliOptions.Flags(transport ?? TransportKind.RabbitMq);
        if (transport == TransportKind.InMemory)
        {
            await context.Error.WriteLineAsync("error: `batch submit` needs --transport rabbitmq: an in-memory batch ends with this process. Use `hetero batch run` for in-process batches.");
            return CommandRunner.BadUsage;
        }

        return await CommandRunner.RunAsync(context, flags, HostMode.Bus, async (services, ct) =>
        {
            var time = services.GetRequiredService<TimeProvider>();
            var batchId = BatchSubmitter.NewBatchId(time);
            await context.Error.WriteLineAsync($"submitting batch {batchId} from {input.Name}");
            var progress = new SubmitProgress();
            await services.GetRequiredService<BatchSubmitter>().SubmitAsync(batchId, input.FullName, throttleOnOutcomes: false, progress, ct);
            await context.Error.WriteLineAsync($"submitted {progress.Lines:N0} lines: {progress.Sent:N0} tasks sent, {progress.Rejected:N0} rejected (already failed in the results)");
            await context.Out.WriteLineAsync(batchId);
            return CommandRunner.Ok;
        }, cancellationToken);
    }
}
