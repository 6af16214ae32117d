using System.Text;
using System.Text.Json;
using HeteroAgents.Decoding;

namespace HeteroAgents.Testing.JsonSchemaSuite;

/// <summary>
/// Runs the official JSON-Schema-Test-Suite (<c>tests/&lt;draft&gt;/*.json</c>, optionally <c>optional/**</c>) against
/// the constrained-decoding engine: each schema is compiled (property order free, compact JSON), each instance is
/// serialized compactly and checked in validation mode and byte by byte through a constraint's masks, which must
/// agree. Remote references resolve to the suite's <c>remotes/</c> folder under <c>http://localhost:1234/</c>, as
/// the suite prescribes; nothing is fetched.
/// </summary>
public static class JsonSchemaTestSuite
{
    private static readonly Lazy<TokenVocabulary> s_bytes = new(() =>
        new TokenVocabulary([.. Enumerable.Range(0, 256).Select(b => new[] { (byte)b }), null], [256]));

    /// <summary>Runs the files of <paramref name="draft"/> (e.g. <c>draft2020-12</c>) under <paramref name="suiteRoot"/>.</summary>
    /// <param name="suiteRoot">The suite's folder (holding <c>tests/</c> and <c>remotes/</c>).</param>
    /// <param name="draft">The draft folder name.</param>
    /// <param name="optional">Also run <c>optional/</c> (formats asserted there, annotations in the required part).</param>
    public static IReadOnlyList<SuiteCaseResult> Run(string suiteRoot, string draft, bool optional)
    {
        ArgumentNullException.ThrowIfNull(suiteRoot);
        ArgumentNullException.ThrowIfNull(draft);
        var testsDir = Path.Combine(suiteRoot, "tests", draft);
        if (!Directory.Exists(testsDir))
        {
            throw new DirectoryNotFoundException($"JSON-Schema-Test-Suite folder '{testsDir}' not found");
        }

        using var remotes = Remotes(Path.Combine(suiteRoot, "remotes"));
        var dialect = draft == "draft7" ? SchemaDialect.Draft7 : draft == "draft2019-09" ? SchemaDialect.Draft201909 : SchemaDialect.Draft202012;
        var results = new List<SuiteCaseResult>();
        foreach (var file in Directory.GetFiles(testsDir, "*.json", optional ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal))
        {
            var keyword = Path.GetRelativePath(testsDir, file)[..^5].Replace('\\', '/');
            var options = new JsonSchemaCompilerOptions
            {
                PropertyOrder = PropertyOrderMode.Any,
                AssertFormat = keyword.StartsWith("optional/format/", StringComparison.Ordinal) || keyword is "optional/format-assertion" or "optional/content",
                DefaultDialect = dialect,
                Documents = remotes.Documents,
            };
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var group in doc.RootElement.EnumerateArray())
            {
                RunGroup(keyword, group, options, results);
            }
        }

        return results;
    }

    private static void RunGroup(string keyword, JsonElement group, JsonSchemaCompilerOptions options, List<SuiteCaseResult> results)
    {
        var groupName = group.GetProperty("description").GetString() ?? "";
        CompiledGrammar? grammar = null;
        string? error = null;
        try
        {
            grammar = JsonSchemaCompiler.Compile(group.GetProperty("schema"), options);
        }
        catch (SchemaCompilationException ex)
        {
            error = ex.Message;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            error = "engine: " + ex.GetType().Name + ": " + ex.Message;
        }

        foreach (var test in group.GetProperty("tests").EnumerateArray())
        {
            var valid = test.GetProperty("valid").GetBoolean();
            var name = test.GetProperty("description").GetString() ?? "";
            if (grammar is null)
            {
                var outcome = error!.StartsWith("engine: ", StringComparison.Ordinal) ? SuiteOutcome.EngineError : SuiteOutcome.NotCompiled;
                results.Add(new SuiteCaseResult(keyword, groupName, name, valid, outcome, error));
                continue;
            }

            results.Add(RunCase(keyword, groupName, name, valid, grammar, CompactJson.ToUtf8(test.GetProperty("data"))));
        }
    }

    private static SuiteCaseResult RunCase(string keyword, string group, string name, bool valid, CompiledGrammar grammar, byte[] instance)
    {
        try
        {
            var accepted = grammar.Validate(instance);
            var byMasks = AcceptedByMasks(grammar, instance, out var disagreement);
            if (disagreement is not null || byMasks != accepted)
            {
                return new SuiteCaseResult(keyword, group, name, valid, SuiteOutcome.EngineError, disagreement ?? "masks and validation mode disagree");
            }

            var outcome = accepted == valid ? SuiteOutcome.Pass : accepted ? SuiteOutcome.FalseAccept : SuiteOutcome.FalseReject;
            return new SuiteCaseResult(keyword, group, name, valid, outcome, Encoding.UTF8.GetString(instance));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new SuiteCaseResult(keyword, group, name, valid, SuiteOutcome.EngineError, ex.GetType().Name + ": " + ex.Message);
        }
    }

    /// <summary>Feeds the instance one byte-token at a time, checking each against the mask first.</summary>
    private static bool AcceptedByMasks(CompiledGrammar grammar, byte[] instance, out string? disagreement)
    {
        disagreement = null;
        var vocabulary = s_bytes.Value;
        var constraint = grammar.CreateConstraint(vocabulary);
        var mask = new uint[vocabulary.MaskWords];
        foreach (var b in instance)
        {
            constraint.ComputeMask(mask);
            var allowed = (mask[b >> 5] & (1u << (b & 31))) != 0;
            var advanced = constraint.TryAdvance(b);
            if (allowed != advanced)
            {
                disagreement = $"mask says {allowed} but advance says {advanced} for byte {b}";
                return false;
            }

            if (!advanced)
            {
                return false;
            }
        }

        constraint.ComputeMask(mask);
        var eos = (mask[256 >> 5] & (1u << (256 & 31))) != 0;
        if (eos != constraint.IsAccepting)
        {
            disagreement = "end-of-sequence mask disagrees with IsAccepting";
        }

        return constraint.IsAccepting;
    }

    private static SuiteRemotes Remotes(string folder) => new(folder);
}
