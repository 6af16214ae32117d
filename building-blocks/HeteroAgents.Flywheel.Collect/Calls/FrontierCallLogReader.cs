using System.Runtime.CompilerServices;

namespace HeteroAgents.Flywheel;

/// <summary>Reads frontier call records from a JSONL file or from every <c>*.jsonl</c> file of a directory.</summary>
public static class FrontierCallLogReader
{
    /// <summary>
    /// Reads the records of <paramref name="path"/>: a JSONL file, or a directory whose <c>*.jsonl</c> files are
    /// read in name order (the daily files sort by date). Blank lines are skipped; a malformed line throws a
    /// <see cref="FormatException"/> naming the file and line.
    /// </summary>
    public static async IAsyncEnumerable<FrontierCallRecord> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        foreach (var file in FilesOf(path))
        {
            using var reader = new StreamReader(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096, FileOptions.Asynchronous | FileOptions.SequentialScan));
            long lineNumber = 0;
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                yield return FrontierCallRecord.Parse(line, $"{file}:{lineNumber}");
            }
        }
    }

    /// <summary>Reads every record of <paramref name="path"/> into a list.</summary>
    public static async Task<List<FrontierCallRecord>> ReadListAsync(string path, CancellationToken cancellationToken = default)
    {
        var list = new List<FrontierCallRecord>();
        await foreach (var record in ReadAsync(path, cancellationToken).ConfigureAwait(false))
        {
            list.Add(record);
        }

        return list;
    }

    /// <summary>The files <paramref name="path"/> stands for; throws <see cref="FileNotFoundException"/> when it is neither a file nor a directory.</summary>
    public static IReadOnlyList<string> FilesOf(string path)
    {
        if (File.Exists(path))
        {
            return [path];
        }

        if (Directory.Exists(path))
        {
            return [.. Directory.EnumerateFiles(path, "*.jsonl").Order(StringComparer.Ordinal)];
        }

        throw new FileNotFoundException($"Frontier call log '{path}' is neither a file nor a directory.", path);
    }
}
