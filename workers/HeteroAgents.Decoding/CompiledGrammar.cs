using System.Text;
using HeteroAgents.Decoding.Runtime;

namespace HeteroAgents.Decoding;

/// <summary>
/// A JSON Schema compiled into a byte-level pushdown automaton. Immutable and thread-safe: create one
/// <see cref="JsonSchemaConstraint"/> per generation with <see cref="CreateConstraint"/>.
/// </summary>
public sealed class CompiledGrammar
{
    internal CompiledGrammar(JsonMachine machine, JsonSchemaCompilerOptions options)
    {
        Machine = machine;
        Options = options;
    }

    /// <summary>The options the grammar was compiled with.</summary>
    public JsonSchemaCompilerOptions Options { get; }

    internal JsonMachine Machine { get; }

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<TokenVocabulary, Vocabulary.GrammarMaskCache> _masks = [];

    /// <summary>The masks of this grammar over <paramref name="vocabulary"/>, shared by all its constraints.</summary>
    internal Vocabulary.GrammarMaskCache MasksFor(TokenVocabulary vocabulary) =>
        _masks.GetValue(vocabulary, _ => new Vocabulary.GrammarMaskCache(Options.MaskCacheBytes));

    /// <summary>A fresh per-request constraint over <paramref name="vocabulary"/>.</summary>
    public JsonSchemaConstraint CreateConstraint(TokenVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        return new JsonSchemaConstraint(this, vocabulary);
    }

    /// <summary>Whether <paramref name="utf8Json"/> is a complete document the grammar accepts (same automaton as decoding).</summary>
    public bool Validate(ReadOnlySpan<byte> utf8Json) =>
        Machine.Accepts(utf8Json);

    /// <summary>Whether <paramref name="json"/> is a complete document the grammar accepts.</summary>
    public bool Validate(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Validate(Encoding.UTF8.GetBytes(json));
    }
}
