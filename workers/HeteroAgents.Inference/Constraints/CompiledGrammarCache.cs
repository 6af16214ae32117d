using HeteroAgents.Decoding;

namespace HeteroAgents.Inference.Constraints;

/// <summary>
/// Compiled grammars by schema text, least recently used evicted beyond <see cref="Capacity"/>. Thread-safe; a schema
/// requested by several threads at once is compiled once. Schemas that fail to compile are not kept.
/// </summary>
public sealed class CompiledGrammarCache
{
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recency = new();
    private readonly Func<string, CompiledGrammar> _compile;
    private readonly Lock _lock = new();
    private long _compilations;

    /// <summary>Creates a cache holding at most <paramref name="capacity"/> grammars.</summary>
    public CompiledGrammarCache(int capacity, JsonSchemaCompilerOptions? options = null)
        : this(capacity, schema => JsonSchemaCompiler.Compile(schema, options))
    {
    }

    /// <summary>Creates a cache that compiles with <paramref name="compile"/>.</summary>
    internal CompiledGrammarCache(int capacity, Func<string, CompiledGrammar> compile)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
        _compile = compile;
    }

    /// <summary>The most grammars kept.</summary>
    public int Capacity { get; }

    /// <summary>Grammars held now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>How many schemas were compiled (cache misses), for monitoring and tests.</summary>
    public long Compilations => Interlocked.Read(ref _compilations);

    /// <summary>The grammar of <paramref name="schemaJson"/>, compiled on first request.</summary>
    /// <exception cref="SchemaCompilationException">The schema is invalid or uses an unsupported keyword.</exception>
    public CompiledGrammar GetOrCompile(string schemaJson)
    {
        ArgumentNullException.ThrowIfNull(schemaJson);
        Lazy<CompiledGrammar> lazy;
        lock (_lock)
        {
            if (_entries.TryGetValue(schemaJson, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                lazy = node.Value.Grammar;
            }
            else
            {
                lazy = new Lazy<CompiledGrammar>(() => Compile(schemaJson), LazyThreadSafetyMode.ExecutionAndPublication);
                _entries[schemaJson] = _recency.AddFirst(new Entry(schemaJson, lazy));
                while (_entries.Count > Capacity)
                {
                    var last = _recency.Last!;
                    _recency.RemoveLast();
                    _entries.Remove(last.Value.Schema);
                }
            }
        }

        try
        {
            return lazy.Value;
        }
        catch (SchemaCompilationException)
        {
            Forget(schemaJson, lazy);
            throw;
        }
    }

    private CompiledGrammar Compile(string schemaJson)
    {
        Interlocked.Increment(ref _compilations);
        return _compile(schemaJson);
    }

    private void Forget(string schemaJson, Lazy<CompiledGrammar> lazy)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(schemaJson, out var node) && ReferenceEquals(node.Value.Grammar, lazy))
            {
                _recency.Remove(node);
                _entries.Remove(schemaJson);
            }
        }
    }

    private sealed record Entry(string Schema, Lazy<CompiledGrammar> Grammar);
}
