using HeteroAgents.Testing.JsonSchemaSuite;

namespace HeteroAgents.Benchmarks.SchemaSuite;

/// <summary>
/// <c>schema-suite [--suite DIR] [--draft draft2020-12|draft7|all] [--optional] [--failures N] [--keyword K]</c>: the
/// official JSON-Schema-Test-Suite through the constrained-decoding engine, with the per-keyword table.
/// </summary>
internal sealed class SchemaSuiteCommand : IBenchmarkCommand
{
    public string Name => "schema-suite";

    public string Description => "JSON-Schema-Test-Suite through the decoding engine: per-keyword pass/false-accept/false-reject table";

    public Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var suite = "../shared/bench/json-schema-test-suite";
        var drafts = new List<string> { "draft2020-12", "draft7" };
        var optional = false;
        var failures = 0;
        string? keyword = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--suite": suite = Value(); break;
                case "--draft":
                    var d = Value();
                    drafts = d == "all" ? drafts : [d];
                    break;
                case "--optional": optional = true; break;
                case "--failures": failures = int.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture); break;
                case "--keyword": keyword = Value(); break;
                default:
                    Console.Error.WriteLine($"unknown option '{args[i]}'");
                    return Task.FromResult(2);
            }
        }

        var exit = 0;
        foreach (var draft in drafts)
        {
            var results = JsonSchemaTestSuite.Run(suite, draft, optional)
                .Where(r => keyword is null || r.Keyword.Contains(keyword, StringComparison.Ordinal)).ToList();
            var required = new SuiteReport([.. results.Where(r => !r.Keyword.StartsWith("optional/", StringComparison.Ordinal))]);
            required.Print(Console.Out, $"{draft} required");
            if (optional)
            {
                Console.Out.WriteLine();
                new SuiteReport(results).Print(Console.Out, $"{draft} with optional/");
            }

            foreach (var f in new SuiteReport(results).Failures.Where(f => f.Outcome != SuiteOutcome.NotCompiled || failures > 0).Take(Math.Max(failures, 0)))
            {
                Console.Out.WriteLine($"  {f.Outcome} {f.Keyword} | {f.Group} | {f.Test} | {f.Detail}");
            }

            Console.Out.WriteLine();
            if (required.FalseAccepts + required.FalseRejects + required.EngineErrors > 0)
            {
                exit = 1;
            }
        }

        return Task.FromResult(exit);
    }
}
