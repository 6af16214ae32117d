namespace HeteroAgents.Decoding;

/// <summary>JSON Schema dialects whose differences the compiler observes.</summary>
public enum SchemaDialect
{
    /// <summary>Draft 2020-12 (<c>prefixItems</c>, <c>$dynamicRef</c>, <c>$ref</c> next to other keywords).</summary>
    Draft202012 = 0,

    /// <summary>Draft 2019-09 (array <c>items</c> with <c>additionalItems</c>, <c>$recursiveRef</c>).</summary>
    Draft201909 = 1,

    /// <summary>Draft 7 and earlier (<c>$ref</c> replaces its sibling keywords, <c>definitions</c>, <c>dependencies</c>).</summary>
    Draft7 = 2,
}
