using System.Text.Json;

namespace HeteroAgents.Orchestrator.Routing;

/// <summary>
/// The routing policy in a file (what workers read with <c>Hetero:Routing:PolicyFile</c>): written to a temporary file
/// and moved over the old one; replaced documents in <c>&lt;file&gt;.history.jsonl</c> (one JSON string per line, newest
/// last); candidates in <c>&lt;file&gt;.models.json</c>.
/// </summary>
/// <param name="path">The policy file.</param>
public sealed class FileRoutingPolicyStore(string path) : IRoutingPolicyStore
{
    private readonly string _path = Path.GetFullPath(path);

    /// <inheritdoc />
    public string Name => $"file {_path}";

    private string HistoryPath => _path + ".history.jsonl";

    private string CandidatesPath => _path + ".models.json";

    /// <inheritdoc />
    public async Task<string?> ReadAsync(CancellationToken cancellationToken) =>
        File.Exists(_path) ? await File.ReadAllTextAsync(_path, cancellationToken).ConfigureAwait(false) : null;

    /// <inheritdoc />
    public async Task WriteAsync(string json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (await ReadAsync(cancellationToken).ConfigureAwait(false) is { } previous)
        {
            await File.AppendAllTextAsync(HistoryPath, JsonSerializer.Serialize(previous) + "\n", cancellationToken).ConfigureAwait(false);
        }

        await ReplaceAsync(_path, json, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<string?> RollbackAsync(CancellationToken cancellationToken)
    {
        var history = await HistoryAsync(cancellationToken).ConfigureAwait(false);
        if (history.Count == 0)
        {
            return null;
        }

        var restored = JsonSerializer.Deserialize<string>(history[^1]) ?? throw new FormatException($"{HistoryPath}: line {history.Count} is not a JSON string");
        await ReplaceAsync(_path, restored, cancellationToken).ConfigureAwait(false);
        await ReplaceAsync(HistoryPath, string.Concat(history.Take(history.Count - 1).Select(l => l + "\n")), cancellationToken).ConfigureAwait(false);
        return restored;
    }

    /// <inheritdoc />
    public async Task<long> HistoryCountAsync(CancellationToken cancellationToken) => (await HistoryAsync(cancellationToken).ConfigureAwait(false)).Count;

    /// <inheritdoc />
    public async Task<string?> ReadCandidatesAsync(CancellationToken cancellationToken) =>
        File.Exists(CandidatesPath) ? await File.ReadAllTextAsync(CandidatesPath, cancellationToken).ConfigureAwait(false) : null;

    /// <inheritdoc />
    public Task WriteCandidatesAsync(string json, CancellationToken cancellationToken) => ReplaceAsync(CandidatesPath, json, cancellationToken);

    private async Task<List<string>> HistoryAsync(CancellationToken cancellationToken) =>
        File.Exists(HistoryPath)
            ? [.. (await File.ReadAllLinesAsync(HistoryPath, cancellationToken).ConfigureAwait(false)).Where(l => !string.IsNullOrWhiteSpace(l))]
            : [];

    private static async Task ReplaceAsync(string target, string text, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        await File.WriteAllTextAsync(temporary, text, cancellationToken).ConfigureAwait(false);
        File.Move(temporary, target, overwrite: true);
    }
}
