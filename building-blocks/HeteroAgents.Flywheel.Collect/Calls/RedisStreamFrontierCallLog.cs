using System.Runtime.CompilerServices;
using StackExchange.Redis;

namespace HeteroAgents.Flywheel;

/// <summary>
/// The frontier call log as a Redis stream: one entry per call (<c>XADD key [MAXLEN ~ n] * record &lt;json&gt;</c>).
/// </summary>
public sealed class RedisStreamFrontierCallLog : IFrontierCallLog
{
    /// <summary>The stream entry field holding the record's JSON.</summary>
    public const string RecordField = "record";

    private const int PageSize = 500;
    private readonly IDatabase _database;
    private readonly RedisKey _key;
    private readonly long? _maxLength;

    /// <summary>Creates the log over stream <paramref name="streamKey"/> of <paramref name="connection"/>.</summary>
    /// <param name="connection">The Redis connection.</param>
    /// <param name="streamKey">The stream's key.</param>
    /// <param name="maxLength">Approximate cap on the stream's length; null keeps everything.</param>
    public RedisStreamFrontierCallLog(IConnectionMultiplexer connection, string streamKey, long? maxLength = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrWhiteSpace(streamKey);
        if (maxLength is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, "The stream's maximum length must be positive.");
        }

        _database = connection.GetDatabase();
        _key = streamKey;
        _maxLength = maxLength;
    }

    /// <inheritdoc />
    public async ValueTask AppendAsync(FrontierCallRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        cancellationToken.ThrowIfCancellationRequested();
        await _database.StreamAddAsync(_key, RecordField, record.ToJsonLine(), maxLength: _maxLength, useApproximateMaxLength: true).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<FrontierCallRecord> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        RedisValue start = "-";
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var entries = await _database.StreamRangeAsync(_key, start, "+", PageSize).ConfigureAwait(false);
            foreach (var entry in entries)
            {
                var json = entry[RecordField];
                if (json.IsNull)
                {
                    throw new FormatException($"Redis stream '{_key}' entry {entry.Id} has no '{RecordField}' field.");
                }

                yield return FrontierCallRecord.Parse(json.ToString(), $"redis stream '{_key}' entry {entry.Id}");
            }

            if (entries.Length < PageSize)
            {
                yield break;
            }

            start = "(" + entries[^1].Id;
        }
    }
}
