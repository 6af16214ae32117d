using System.Text.Json;
using HeteroAgents.Contracts;
using HeteroAgents.Orchestrator.Store;

namespace HeteroAgents.Orchestrator.Batches;

/// <summary>Streams a batch's output lines from the store as JSONL, one line per task, tallying them.</summary>
public static class BatchResultsWriter
{
    /// <summary>Writes every output line of <paramref name="batchId"/> to <paramref name="output"/>.</summary>
    public static async Task<BatchSummary> WriteAsync(IBatchStore store, string batchId, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(output);
        var summary = new BatchSummary();
        await foreach (var line in store.ReadOutputAsync(batchId, cancellationToken))
        {
            await output.WriteAsync(JsonSerializer.Serialize(line, HeteroJson.Options));
            await output.WriteAsync('\n');
            summary.Add(line);
        }

        await output.FlushAsync(cancellationToken);
        return summary;
    }
}
