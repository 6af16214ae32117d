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

    /// <summary>The compiled schema of <paramref name="schemaJson"/>. Throws when it is not a valid JSON schema.</summary>
    public Task<JsonSchema> GetAsync(string schemaJson)
    {
        ArgumentNullException.ThrowIfNull(schemaJson);
        var capacity = options.Value.SchemaCacheSize;
        if (capacity == 0)
        {
            return JsonSchema.FromJsonAsync(schemaJson);
        }

        if (_schemas.Count >= capacity)
        {
            _schemas.Clear();
        }

        var entry = _schemas.GetOrAdd(schemaJson, json => new Lazy<Task<JsonSchema>>(() => JsonSchema.FromJsonAsync(json)));
        if (entry.Value.IsFaulted)
        {
            // Do not keep failures: the same text fails the same way, but the cache should hold only usable schemas.
            _schemas.TryRemove(schemaJson, out _);
        }

        return entry.Value;
    }
}
