using System.Collections.Concurrent;
using NJsonSchema;
using NJsonSchema.Validation;

namespace HeteroAgents.Contracts;

/// <summary>
/// Compiled NJsonSchema schemas keyed by their JSON text. Tasks of one batch usually share a schema (the same labels,
/// the same extraction schema, the same tools), so compiling once per distinct text saves most of the cost. Bounded:
/// when full, it starts over. A capacity of 0 compiles every time. Thread-safe.
/// </summary>
public sealed class JsonSchemaCache
{
    /// <summary>The capacity of <see cref="Shared"/>.</summary>
    public const int DefaultCapacity = 1_024;

    // One validator for every call: NJsonSchema's JsonSchema.Validate builds a new one (and its format-validator map) each
    // time, which was a visible share of a worker's allocations per task; the validator keeps no state between calls.
    private static readonly JsonSchemaValidator Validator = new();

    private readonly ConcurrentDictionary<string, Lazy<JsonSchema>> _schemas = new(StringComparer.Ordinal);

    /// <summary>Creates a cache holding at most <paramref name="capacity"/> schemas.</summary>
    public JsonSchemaCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Capacity = capacity;
    }

    /// <summary>A process-wide cache of <see cref="DefaultCapacity"/> schemas.</summary>
    public static JsonSchemaCache Shared { get; } = new(DefaultCapacity);

    /// <summary>The most schemas kept.</summary>
    public int Capacity { get; }

    /// <summary>The compiled schema of <paramref name="schemaJson"/>. Throws when it is not a valid JSON schema (failures are not cached).</summary>
    public JsonSchema Get(string schemaJson)
    {
        ArgumentNullException.ThrowIfNull(schemaJson);
        if (Capacity == 0)
        {
            return Compile(schemaJson);
        }

        if (_schemas.Count >= Capacity)
        {
            _schemas.Clear();
        }

        var entry = _schemas.GetOrAdd(schemaJson, json => new Lazy<JsonSchema>(() => Compile(json)));
        try
        {
            return entry.Value;
        }
        catch
        {
            _schemas.TryRemove(new KeyValuePair<string, Lazy<JsonSchema>>(schemaJson, entry));
            throw;
        }
    }

    /// <summary>The violations of <paramref name="json"/> against the schema <paramref name="schemaJson"/> (compiled through the cache); empty when valid.</summary>
    public ICollection<ValidationError> Validate(string schemaJson, string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Validator.Validate(json, Get(schemaJson).ActualSchema, SchemaType.JsonSchema);
    }

    // The schemas are self-contained JSON text: NJsonSchema resolves their internal $refs without I/O.
    private static JsonSchema Compile(string json) => JsonSchema.FromJsonAsync(json).GetAwaiter().GetResult();
}
