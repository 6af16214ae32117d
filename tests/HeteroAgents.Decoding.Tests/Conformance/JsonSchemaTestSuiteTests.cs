using HeteroAgents.Testing.JsonSchemaSuite;
using Xunit.Abstractions;

namespace HeteroAgents.Decoding.Tests.Conformance;

/// <summary>
/// The official JSON-Schema-Test-Suite (read at run time from <c>../shared/bench/json-schema-test-suite</c>), each
/// instance checked in validation mode and byte by byte through masks. Among the schemas that compile, no invalid
/// instance may be accepted and no valid one rejected; draft 2020-12's required cases must pass at least 90%.
/// </summary>
public sealed class JsonSchemaTestSuiteTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("draft2020-12", 0.90)]
    [InlineData("draft7", 0.85)]
    public void Required_cases_pass_with_no_false_accepts_or_rejects(string draft, double goal)
    {
        var report = new SuiteReport(JsonSchemaTestSuite.Run(SuiteRoot(), draft, optional: false));
        using var text = new StringWriter();
        report.Print(text, $"{draft} required");
        foreach (var f in report.Failures.Where(f => f.Outcome != SuiteOutcome.NotCompiled))
        {
            text.WriteLine($"  {f.Outcome} {f.Keyword} | {f.Group} | {f.Test} | {f.Detail}");
        }

        output.WriteLine(text.ToString());
        Assert.True(report.FalseAccepts == 0, $"{report.FalseAccepts} invalid instances accepted\n{text}");
        Assert.True(report.FalseRejects == 0, $"{report.FalseRejects} valid instances rejected\n{text}");
        Assert.True(report.EngineErrors == 0, $"{report.EngineErrors} engine errors\n{text}");
        Assert.True(report.Passed >= goal * report.Total, $"{report.Passed} / {report.Total} passed, below {goal:P0}\n{text}");
    }

    [Theory]
    [InlineData("draft2020-12")]
    [InlineData("draft7")]
    public void Optional_cases_never_accept_an_invalid_instance(string draft)
    {
        var report = new SuiteReport(JsonSchemaTestSuite.Run(SuiteRoot(), draft, optional: true));
        using var text = new StringWriter();
        report.Print(text, $"{draft} with optional/");
        foreach (var f in report.Failures.Where(f => f.Outcome is SuiteOutcome.FalseAccept or SuiteOutcome.EngineError))
        {
            text.WriteLine($"  {f.Outcome} {f.Keyword} | {f.Group} | {f.Test} | {f.Detail}");
        }

        output.WriteLine(text.ToString());
        Assert.True(report.FalseAccepts == 0, $"{report.FalseAccepts} invalid instances accepted\n{text}");
        Assert.True(report.EngineErrors == 0, $"{report.EngineErrors} engine errors\n{text}");
    }

    /// <summary>The suite folder, found by walking up from the test binaries to the folder holding <c>shared/</c>.</summary>
    private static string SuiteRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "bench", "json-schema-test-suite");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("../shared/bench/json-schema-test-suite not found above " + AppContext.BaseDirectory);
    }
}
