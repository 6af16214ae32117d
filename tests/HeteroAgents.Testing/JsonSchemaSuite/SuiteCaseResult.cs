namespace HeteroAgents.Testing.JsonSchemaSuite;

/// <summary>The result of one test case: the file (keyword), its schema group and test descriptions, and the outcome.</summary>
/// <param name="Keyword">The file name without extension, e.g. <c>unevaluatedProperties</c> or <c>optional/format/ipv6</c>.</param>
/// <param name="Group">The description of the schema group.</param>
/// <param name="Test">The description of the test.</param>
/// <param name="Valid">Whether the suite says the instance is valid.</param>
/// <param name="Outcome">What the engine did.</param>
/// <param name="Detail">Compile error message or other detail, if any.</param>
public sealed record SuiteCaseResult(string Keyword, string Group, string Test, bool Valid, SuiteOutcome Outcome, string? Detail);
