namespace HeteroAgents.Decoding.Tests;

/// <summary>Checks a document against a schema three ways: validation mode, byte-per-token masks, cl100k masks.</summary>
internal static class SchemaAssert
{
    public static void Accepts(string schema, params string[] documents) => Check(schema, true, null, documents);

    public static void Rejects(string schema, params string[] documents) => Check(schema, false, null, documents);

    public static void Check(string schema, bool expected, JsonSchemaCompilerOptions? options, params string[] documents)
    {
        var grammar = JsonSchemaCompiler.Compile(schema, options);
        foreach (var doc in documents)
        {
            Assert.True(expected == grammar.Validate(doc), $"Validate({doc}) should be {expected}");
            Assert.True(expected == ConstraintDriver.FeedBytes(grammar, doc), $"byte tokens of {doc} should be {(expected ? "accepted" : "rejected")}");
            Assert.True(expected == ConstraintDriver.FeedCl100k(grammar, doc), $"cl100k tokens of {doc} should be {(expected ? "accepted" : "rejected")}");
        }
    }

    public static SchemaCompilationException CompileFails(string schema)
    {
        return Assert.Throws<SchemaCompilationException>(() => JsonSchemaCompiler.Compile(schema));
    }
}
