using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace HeteroAgents.Flywheel;

/// <summary>
/// The frontier call log as append-only JSONL files under a data directory, one file per UTC day
/// (<c>frontier-calls-YYYY-MM-DD.jsonl</c>). Writers in one process are serialized; every record is
/// written as one complete line and flushed to the operating system before <see cref="AppendAsync"/> returns.
/// </summary>
public sealed class JsonlFrontierCallLog : IFrontierCallLog, IAsyncDisposable, IDisposable
{
    /// <summary>The file name prefix of the daily files.</summary>
    public const string FilePrefix = "frontier-calls-";

    private readonly string _directory;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private FileStream? _stream;
    private string? _currentPath;
    private bool _disposed;

    /// <summary>Creates the log over <paramref name="directory"/> (created if missing).</summary>
    public JsonlFrontierCallLog(string directory, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        _directory = Path.GetFullPath(directory);
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The data directory.</summary>
    public string Directory => _directory;

    /// <summary>The file a record written at <paramref name="utcNow"/> goes to.</summary>
    public string PathFor(DateTimeOffset utcNow) =>
        Path.Combine(_directory, FilePrefix + utcNow.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".jsonl");

    /// <inheritdoc />
    public async ValueTask AppendAsync(FrontierCallRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var bytes = Encoding.UTF8.GetBytes(record.ToJsonLine() + "\n");
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var path = PathFor(_time.GetUtcNow());
            if (_stream is null || path != _currentPath)
            {
                if (_stream is not null)
                {
                    await _stream.DisposeAsync().ConfigureAwait(false);
                }

                System.IO.Directory.CreateDirectory(_directory);
                _stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 4096, FileOptions.Asynchronous);
                _currentPath = path;
            }

            // One write per line: a reader never sees a partial record except while it is being written.
            await _stream.WriteAsync(bytes, CancellationToken.None).ConfigureAwait(false);
            await _stream.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<FrontierCallRecord> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var record in FrontierCallLogReader.ReadAsync(_directory, cancellationToken).ConfigureAwait(false))
        {
            yield return record;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            _disposed = true;
            if (_stream is not null)
            {
                await _stream.DisposeAsync().ConfigureAwait(false);
                _stream = null;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _gate.Wait();
        try
        {
            _disposed = true;
            _stream?.Dispose();
            _stream = null;
        }
        finally
        {
            _gate.Release();
        }
    }
}
