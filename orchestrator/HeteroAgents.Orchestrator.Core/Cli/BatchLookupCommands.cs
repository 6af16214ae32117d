using System.CommandLine;
using System.Text.Json;
using HeteroAgents.Contracts;
using HeteroAgents.Orchestrator.Store;
using Microsoft.Extensions.DependencyInjection;

namespace HeteroAgents.Orchestrator.Cli;

/// <summary><c>hetero batch status|results|cancel &lt;id&gt;</c>: read or cancel a batch recorded in Redis.</summary>
internal static class BatchLookupCommands
{
    public static Command Status(CliContext context)
    {
        var id = CliOptions.BatchId();
        var json = new Option<bool>("--json") { Description = "Print the status as one JSON object." };
        var command = new Command("status", "Show a batch's state and counters.") { id, json };
        command.SetAction((parse, ct) => WithBatchAsync(context, parse.GetRequiredValue(id), ct, async (store, info, token) =>
        {
            if (parse.GetValue(json))
            {
                await context.Out.WriteLineAsync(JsonSerializer.Serialize(info, HeteroJson.Options));
            }
            else
            {
                ConsoleFactory.Create(context.Out, context.IsInteractive).Write(BatchTables.Status(info));
            }

            return CommandRunner.Ok;
        }));
        return command;
    }

    public static Command Results(CliContext context)
    {
        var id = CliOptions.BatchId();
        var output = CliOptions.Out("Where to write the results (JSONL). Default: stdout.");
        var command = new Command("results", "Stream a batch's output lines (one per input line that has an outcome).") { id, output };
        command.SetAction((parse, ct) => WithBatchAsync(context, parse.GetRequiredValue(id), ct, async (store, info, token) =>
        {
            var summary = await BatchOutput.WriteAsync(store, info.Id, parse.GetValue(output), context.Out, token);
            await context.Error.WriteLineAsync(
                $"{summary.Lines:N0} lines ({summary.Completed:N0} completed, {summary.Escalated:N0} escalated, {summary.Failed:N0} failed); " +
                $"batch is {info.State.ToString().ToLowerInvariant()}, {info.Counts.Pending:N0} pending");
            return CommandRunner.Ok;
        }));
        return command;
    }

    public static Command Cancel(CliContext context)
    {
        var id = CliOptions.BatchId();
        var command = new Command("cancel", "Cancel a batch: stop reading its input; tasks without an outcome are failed as cancelled.") { id };
        command.SetAction((parse, ct) => WithBatchAsync(context, parse.GetRequiredValue(id), ct, async (store, info, token) =>
        {
            await store.CancelAsync(info.Id, token);
            var after = await store.GetAsync(info.Id, token);
            await context.Out.WriteLineAsync(
                $"cancelled {info.Id}: {after!.Counts.Completed:N0} completed, {after.Counts.Escalated:N0} escalated, {after.Counts.Failed:N0} failed (cancelled tasks included)");
            return CommandRunner.Ok;
        }));
        return command;
    }

    private static Task<int> WithBatchAsync(CliContext context, string batchId, CancellationToken cancellationToken, Func<IBatchStore, BatchInfo, CancellationToken, Task<int>> body) =>
        CommandRunner.RunAsync(context, CliOptions.RedisStoreFlags(), HostMode.StoreOnly, async (services, ct) =>
        {
            var store = services.GetRequiredService<IBatchStore>();
            var info = await store.GetAsync(batchId, ct);
            if (info is null)
            {
                await context.Error.WriteLineAsync($"error: no batch '{batchId}' in the store (batches expire after Hetero:Redis:BatchTtl)");
                return CommandRunner.NotFound;
            }

            return await body(store, info, ct);
        }, cancellationToken);
}
