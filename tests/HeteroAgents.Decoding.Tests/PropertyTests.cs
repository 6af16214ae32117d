namespace HeteroAgents.Decoding.Tests;

/// <summary>
/// Random schemas with random valid instances, tokenized with the real cl100k vocabulary: every token must be in its
/// mask and the end must be accepting; mutations that surely break validity must be rejected.
/// </summary>
public sealed class PropertyTests
{
    [Fact]
    public void Random_valid_instances_are_accepted_token_by_token_and_mutations_rejected()
    {
        var checkedInstances = 0;
        for (var seed = 0; seed < 150; seed++)
        {
            var r = new Random(seed);
            var schema = RandomSchema.Create(r);
            var grammar = JsonSchemaCompiler.Compile(schema.Json, new JsonSchemaCompilerOptions { PropertyOrder = PropertyOrderMode.SchemaOrder });
            for (var i = 0; i < 3; i++)
            {
                var doc = schema.Instance(r);
                Assert.True(grammar.Validate(doc), $"seed {seed}: {schema.Json} should validate {doc}");
                Assert.True(ConstraintDriver.FeedCl100k(grammar, doc), $"seed {seed}: {schema.Json} should accept tokens of {doc}");
                checkedInstances++;
                foreach (var bad in Mutations(schema, doc))
                {
                    Assert.False(grammar.Validate(bad), $"seed {seed}: {schema.Json} should reject {bad}");
                    Assert.False(ConstraintDriver.FeedCl100k(grammar, bad), $"seed {seed}: {schema.Json} should reject tokens of {bad}");
                }
            }
        }

        Assert.Equal(450, checkedInstances);
    }

    /// <summary>Edits that make any instance of the schema invalid.</summary>
    private static IEnumerable<string> Mutations(RandomSchema schema, string doc)
    {
        yield return doc + "x";
        yield return doc + ",";
        if (schema.Kind is "object" or "array" || (schema.Kind == "string" && doc.Length > 0))
        {
            yield return doc[..^1];
        }

        switch (schema.Kind)
        {
            case "string":
                yield return "123";
                break;
            case "number":
                yield return "\"" + doc + "\"";
                break;
            case "boolean":
                yield return "null";
                break;
            case "object":
                yield return "[" + doc + "]";
                break;
            case "array":
                yield return "{}";
                break;
        }
    }
}
