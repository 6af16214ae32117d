using System.Text;

namespace HeteroAgents.Flywheel;

/// <summary>Entry point of <c>hetero flywheel scrub</c>: copies a frontier call log with personal data replaced.</summary>
public static class FlywheelScrubber
{
    /// <summary>
    /// Reads the records of <paramref name="inputPath"/> (a JSONL file or a log directory), scrubs every text field
    /// (see <see cref="RecordScrubber"/>) and writes them, in order, to <paramref name="outputPath"/> (JSONL). The output
    /// is written to a temporary file and moved into place, so a failed run leaves no partial file.
    /// </summary>
    public static Task<ScrubSummary> ScrubFileAsync(
        string inputPath, string outputPath, PiiScrubberOptions? options = null, IProgress<FlywheelProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(inputPath);
        return ScrubAsync(FrontierCallLogReader.ReadAsync(inputPath, cancellationToken), outputPath, options, progress, cancellationToken);
    }

    /// <summary>
    /// Scrubs every record of <paramref name="log"/> (e.g. the Redis stream) into the JSONL file <paramref name="outputPath"/>,
    /// the form the later steps (clusters, export, eval) read.
    /// </summary>
    public static Task<ScrubSummary> ScrubLogAsync(
        IFrontierCallLog log, string outputPath, PiiScrubberOptions? options = null, IProgress<FlywheelProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        return ScrubAsync(log.ReadAllAsync(cancellationToken), outputPath, options, progress, cancellationToken);
    }

    private static async Task<ScrubSummary> ScrubAsync(
        IAsyncEnumerable<FrontierCallRecord> records, string outputPath, PiiScrubberOptions? options, IProgress<FlywheelProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputPath);
        var scrubber = new PiiScrubber(options);
        var counts = new Dictionary<PiiType, long>();
        long count = 0, changed = 0;
        var full = Path.GetFullPath(outputPath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp";
        try
        {
            await using (var writer = new StreamWriter(temp, append: false, new UTF8Encoding(false)))
            {
                await foreach (var record in records.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    var before = counts.Values.Sum();
                    var scrubbed = RecordScrubber.Scrub(record, scrubber, counts);
                    if (counts.Values.Sum() != before)
                    {
                        changed++;
                    }

                    await writer.WriteLineAsync(scrubbed.ToJsonLine().AsMemory(), cancellationToken).ConfigureAwait(false);
                    if (++count % 1000 == 0)
                    {
                        progress?.Report(new FlywheelProgress("scrub", count, null));
                    }
                }
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }

        progress?.Report(new FlywheelProgress("scrub", count, count));
        return new ScrubSummary(count, changed, counts, full);
    }
}
