using System.Text.Json;
using HeteroAgents.Decoding.Grammar;
using HeteroAgents.Decoding.Runtime;
using HeteroAgents.Decoding.Schema;

namespace HeteroAgents.Decoding;

/// <summary>Compiles JSON Schema (draft-07 / 2019-09 / 2020-12 as found in the wild) into a <see cref="CompiledGrammar"/>.</summary>
public static class JsonSchemaCompiler
{
    /// <summary>Compiles <paramref name="schemaJson"/>; throws <see cref="SchemaCompilationException"/> naming the keyword and pointer at fault.</summary>
    public static CompiledGrammar Compile(string schemaJson, JsonSchemaCompilerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(schemaJson);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(schemaJson, new JsonDocumentOptions { MaxDepth = 512 });
        }
        catch (JsonException ex)
        {
            throw new SchemaCompilationException("", "#", $"the schema is not valid JSON: {ex.Message}");
        }

        using (doc)
        {
            return Compile(doc.RootElement, options);
        }
    }

    /// <summary>Compiles a schema given as a parsed element.</summary>
    public static CompiledGrammar Compile(JsonElement schema, JsonSchemaCompilerOptions? options = null)
    {
        options ??= new JsonSchemaCompilerOptions();
        options.Validate();
        try
        {
            var reader = new SchemaReader(schema, options);
            var root = reader.ReadRoot();
            var builder = new GrammarBuilder(reader.UsesUnevaluated);
            builder.Tables.Root = builder.NodeFor(root);
            builder.CheckValueCycles();
            return new CompiledGrammar(new JsonMachine(builder.Tables, options), options);
        }
        catch (Regex.RegexUnsupportedException ex)
        {
            // Every automaton is built here, never while computing masks; a limit reached anywhere fails the compilation.
            throw new SchemaCompilationException("pattern", "#", ex.Message);
        }
    }
}
