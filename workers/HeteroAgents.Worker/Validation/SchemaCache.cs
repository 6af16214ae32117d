using System.Collections.Concurrent;
using HeteroAgents.Worker.Options;
using Microsoft.Extensions.Options;
using NJsonSchema;

namespace HeteroAgents.Worker.Validation;

/// <summary>
/// Compiled NJsonSchema schemas keyed by their JSON text. Tasks of one batch usually share a result schema (the same
/// labels, the same extraction schema, the same tools), so compiling once per distinct schema saves most of the cost.
/// Bounded by <see cref="WorkerOptions.SchemaCacheSize"/>: when full, it starts over.
/// </summary>
public sealed class SchemaCache(IOptions<WorkerOptions> options)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<JsonSchema>>> _schemas = new(StringComparer.Ordinal);

    /// <summary>The compiled schema of <paramref name="schemaJson"/>. Throws when it is not a valid JSON schema (failures are not cached).</summary>
    public async Task<JsonSchema> GetAsync(string schemaJson)
    {
        ArgumentNullException.ThrowIfNull(schemaJson);
        var capacity = options.Value.SchemaCacheSize;
        if (capacity == 0)
        {
            return await JsonSchema.FromJsonAsync(schemaJson).ConfigureAwait(false);
        }

        if (_schemas.Count >= capacity)
        {
            _schemas.Clear();
        }

        var entry = _schemas.GetOrAdd(schemaJson, json => new Lazy<Task<JsonSchema>>(() => JsonSchema.FromJsonAsync(json)));
        try
        {
            return await entry.Value.ConfigureAwait(false);
        }
        catch
        {
            _schemas.TryRemove(new KeyValuePair<string, Lazy<Task<JsonSchema>>>(schemaJson, entry));
            throw;
        }
    }
}
