using HeteroAgents.Decoding;
using HeteroAgents.Inference.Chat;
using HeteroAgents.Inference.Onnx;

namespace HeteroAgents.Inference.Constraints;

/// <summary>
/// The constrained-decoding engine behind <see cref="IJsonSchemaConstraintFactory"/>: compiles each schema once
/// (<see cref="CompiledGrammarCache"/>, keyed by schema text) and hands out a fresh <see cref="JsonSchemaConstraint"/>
/// per generation over the model's <see cref="TokenVocabulary"/>. Thread-safe: one instance serves every request.
/// </summary>
public sealed class DecodingJsonSchemaConstraintFactory : IJsonSchemaConstraintFactory
{
    private readonly CompiledGrammarCache _grammars;

    /// <summary>Creates the factory for a vocabulary.</summary>
    public DecodingJsonSchemaConstraintFactory(TokenVocabulary vocabulary, DecodingConstraintOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        options ??= new DecodingConstraintOptions();
        Vocabulary = vocabulary;
        var compilerOptions = new JsonSchemaCompilerOptions
        {
            Whitespace = options.Whitespace, MaxNumberDigits = options.MaxNumberDigits, MaxNumberExponent = options.MaxNumberExponent,
            MaskCacheBytes = options.MaskCacheKilobytes * 1024L,
        };
        var cap = options.MaxStringLength;
        _grammars = new CompiledGrammarCache(options.GrammarCacheCapacity, schema =>
            JsonSchemaCompiler.Compile(cap is { } max ? StringLengthCap.Apply(schema, max) : schema, compilerOptions));
    }

    /// <summary>The vocabulary constraints are built over.</summary>
    public TokenVocabulary Vocabulary { get; }

    /// <summary>The compiled-grammar cache (for monitoring).</summary>
    public CompiledGrammarCache Grammars => _grammars;

    /// <summary>A factory for <paramref name="model"/>, over its shared vocabulary (<see cref="ModelTokenVocabulary.For"/>).</summary>
    public static DecodingJsonSchemaConstraintFactory ForModel(OnnxLanguageModel model, DecodingConstraintOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new DecodingJsonSchemaConstraintFactory(ModelTokenVocabulary.For(model), options);
    }

    /// <inheritdoc/>
    /// <exception cref="SchemaCompilationException">The schema is invalid or uses an unsupported keyword (the message names it and its JSON pointer).</exception>
    public ITokenConstraint Create(string schemaJson)
    {
        ArgumentNullException.ThrowIfNull(schemaJson);
        return _grammars.GetOrCompile(schemaJson).CreateConstraint(Vocabulary);
    }
}
