namespace HeteroAgents.Contracts.Tests.Validation;

/// <summary>The schema cache's validation: one validator shared by every call, so it must give each call its own answer under concurrency.</summary>
public sealed class JsonSchemaCacheTests
{
    private const string Schema = """{"type":"object","properties":{"label":{"type":"string","enum":["a","b"]},"n":{"type":"integer","minimum":0}},"required":["label"],"additionalProperties":false}""";

    [Fact]
    public void Concurrent_validations_each_get_their_own_errors()
    {
        var cache = new JsonSchemaCache(4);
        var outcomes = new int[2_000];

        Parallel.For(0, outcomes.Length, i =>
        {
            var json = (i % 4) switch
            {
                0 => """{"label":"a","n":1}""",
                1 => """{"label":"c"}""",
                2 => """{"label":"b","n":-1,"extra":true}""",
                _ => """{"n":2}""",
            };
            outcomes[i] = cache.Validate(Schema, json).Count;
        });

        for (var i = 0; i < outcomes.Length; i++)
        {
            Assert.Equal((i % 4) switch { 0 => 0, 1 => 1, 2 => 2, _ => 1 }, outcomes[i]);
        }
    }
}
