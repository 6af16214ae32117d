using System.Globalization;
using HeteroAgents.Contracts;
using HeteroAgents.Orchestrator.Options;
using HeteroAgents.Orchestrator.Store;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Orchestrator.Batches;

/// <summary>
/// Submits a batch file: streams its lines (never loading the file), parses each into a typed task, registers
/// it in the store (a repeated custom_id fails the later line), and sends it to its queue with a bounded number
/// of sends in flight. A line that cannot become a task is recorded at once as a <c>failed</c> output line
/// naming the cause; the rest of the batch proceeds. Memory stays flat whatever the batch size.
/// </summary>
public sealed class BatchSubmitter
{
    private readonly IBatchStore _store;
    private readonly ITaskSender _sender;
    private readonly TaskInputParser _parser;
    private readonly BatchJobOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the submitter.</summary>
    public BatchSubmitter(IBatchStore store, ITaskSender sender, TaskInputParser parser, IOptions<BatchJobOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(parser);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _sender = sender;
        _parser = parser;
        _options = options.Value;
        _time = time;
    }

    /// <summary>A new batch id: <c>batch_</c> + UTC time + random suffix, sortable by submission time.</summary>
    public static string NewBatchId(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var stamp = time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
        return $"batch_{stamp}_{Guid.NewGuid():N}"[..32];
    }

    /// <summary>The store key of the output line of a rejected input line (its own namespace, so it never collides with a task's id).</summary>
    public static Guid RejectedLineKey(string batchId, long line) =>
        TaskIds.Create(batchId + "#rejected", line.ToString(CultureInfo.InvariantCulture));

    /// <summary>Creates the batch in the store and submits every line of <paramref name="inputPath"/>.</summary>
    /// <param name="batchId">The new batch's id.</param>
    /// <param name="inputPath">The JSONL file.</param>
    /// <param name="throttleOnOutcomes">Pause reading while more than <see cref="BatchJobOptions.MaxOutstanding"/> tasks lack an outcome (for a caller that waits for the batch).</param>
    /// <param name="progress">Receives live counters.</param>
    /// <param name="cancellationToken">Stops submitting.</param>
    public async Task SubmitAsync(string batchId, string inputPath, bool throttleOnOutcomes, SubmitProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        await using var stream = new FileStream(inputPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        progress.TotalBytes = stream.Length;
        await _store.CreateAsync(batchId, Path.GetFullPath(inputPath), _time.GetUtcNow(), cancellationToken);
        using var window = new SendWindow(_options.MaxInFlightSends);
        long lastKnownDone = 0;

        await foreach (var line in JsonlReader.ReadLinesAsync(stream, _parser.Options.MaxLineBytes, cancellationToken))
        {
            progress.AddBytes(line.Length + 1);
            if (line.IsBlank)
            {
                continue;
            }

            progress.AddLine();
            if (progress.Lines % _options.CancelCheckLines == 0 && await IsCancelledAsync(batchId, cancellationToken))
            {
                break;
            }

            if (throttleOnOutcomes && progress.Sent - lastKnownDone > _options.MaxOutstanding)
            {
                lastKnownDone = await WaitForOutcomesAsync(batchId, progress, cancellationToken);
            }

            var parsed = line.TooLong
                ? TaskParseResult.Failure(line.Number, new TaskError(TaskErrorCodes.LineTooLong,
                    $"line {line.Number} has {line.Length:N0} bytes; the limit is {_parser.Options.MaxLineBytes:N0} (Hetero:Batch:MaxLineBytes)", line.Number))
                : _parser.Parse(line.Bytes, line.Number, batchId);
            if (!parsed.IsSuccess)
            {
                await RejectAsync(batchId, line.Number, parsed.ToFailedOutputLine(), progress, cancellationToken);
                continue;
            }

            // Registration is issued here, in line order (Redis pipelines it on one connection, so the first
            // occurrence of a custom_id wins deterministically), and awaited inside the send window.
            var task = parsed.Task;
            var number = line.Number;
            var registration = _store.RegisterAsync(batchId, task.TaskId, number, task.Type, task.CustomId, cancellationToken);
            await window.RunAsync(async () =>
            {
                var registered = await registration;
                if (!registered.IsNew)
                {
                    var error = new TaskError(TaskErrorCodes.DuplicateCustomId,
                        $"line {number}: custom_id \"{task.CustomId}\" was already used on line {registered.FirstLine}; custom_ids must be unique in a batch",
                        number, "custom_id");
                    var failed = BatchOutputLine.Failed(task.CustomId, task.Type, error);
                    progress.AddRejected();
                    await _store.RecordAsync(batchId, RejectedLineKey(batchId, number), failed, cancellationToken);
                    return;
                }

                await _sender.SendAsync(task, cancellationToken);
                progress.AddSent();
            }, cancellationToken);
        }

        await window.DrainAsync(cancellationToken);
        await _store.MarkSubmittedAsync(batchId, cancellationToken);
        progress.Complete();
    }

    private async Task RejectAsync(string batchId, long line, BatchOutputLine failed, SubmitProgress progress, CancellationToken cancellationToken)
    {
        progress.AddRejected();
        await _store.CountRejectedAsync(batchId, cancellationToken);
        await _store.RecordAsync(batchId, RejectedLineKey(batchId, line), failed, cancellationToken);
    }

    private async Task<bool> IsCancelledAsync(string batchId, CancellationToken cancellationToken) =>
        (await _store.GetAsync(batchId, cancellationToken))?.State == BatchState.Cancelled;

    private async Task<long> WaitForOutcomesAsync(string batchId, SubmitProgress progress, CancellationToken cancellationToken)
    {
        while (true)
        {
            var info = await _store.GetAsync(batchId, cancellationToken);
            var taskOutcomes = (info?.Counts.Done ?? 0) - progress.Rejected;
            if (info is null || info.State == BatchState.Cancelled || progress.Sent - taskOutcomes <= _options.MaxOutstanding / 2)
            {
                return taskOutcomes;
            }

            await Task.Delay(_options.PollInterval, _time, cancellationToken);
        }
    }
}
