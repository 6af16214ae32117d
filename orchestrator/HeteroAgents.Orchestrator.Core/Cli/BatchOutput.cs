using System.Text;
using HeteroAgents.Orchestrator.Batches;
using HeteroAgents.Orchestrator.Store;

namespace HeteroAgents.Orchestrator.Cli;

/// <summary>Writes a batch's results to a file (UTF-8, LF) or to the data stream.</summary>
internal static class BatchOutput
{
    public static async Task<BatchSummary> WriteAsync(IBatchStore store, string batchId, FileInfo? file, TextWriter fallback, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return await BatchResultsWriter.WriteAsync(store, batchId, fallback, cancellationToken);
        }

        if (file.Directory is { Exists: false } directory)
        {
            directory.Create();
        }

        await using var writer = new StreamWriter(file.FullName, append: false, new UTF8Encoding(false), bufferSize: 1 << 16) { NewLine = "\n" };
        return await BatchResultsWriter.WriteAsync(store, batchId, writer, cancellationToken);
    }
}
