using System.Globalization;

namespace HeteroAgents.Testing.JsonSchemaSuite;

/// <summary>Per-keyword counts of a suite run, and the printed table.</summary>
public sealed class SuiteReport
{
    private readonly IReadOnlyList<SuiteCaseResult> _results;

    /// <summary>Aggregates <paramref name="results"/>.</summary>
    public SuiteReport(IReadOnlyList<SuiteCaseResult> results) => _results = results;

    /// <summary>All cases.</summary>
    public int Total => _results.Count;

    /// <summary>Cases classified correctly.</summary>
    public int Passed => Count(SuiteOutcome.Pass);

    /// <summary>Invalid instances accepted.</summary>
    public int FalseAccepts => Count(SuiteOutcome.FalseAccept);

    /// <summary>Valid instances rejected by a compiled schema.</summary>
    public int FalseRejects => Count(SuiteOutcome.FalseReject);

    /// <summary>Cases whose schema did not compile.</summary>
    public int NotCompiled => Count(SuiteOutcome.NotCompiled);

    /// <summary>Cases with an engine error.</summary>
    public int EngineErrors => Count(SuiteOutcome.EngineError);

    /// <summary>The cases that did not pass.</summary>
    public IEnumerable<SuiteCaseResult> Failures => _results.Where(r => r.Outcome != SuiteOutcome.Pass);

    private int Count(SuiteOutcome o) => _results.Count(r => r.Outcome == o);

    /// <summary>Writes the per-keyword table and the totals.</summary>
    public void Print(TextWriter w, string title)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteLine($"{title}: {Passed} / {Total} passed ({Pct(Passed, Total)}), false accepts {FalseAccepts}, false rejects {FalseRejects}, not compiled {NotCompiled}, engine errors {EngineErrors}");
        w.WriteLine("| keyword | cases | passed | % | false accept | false reject | not compiled | engine error |");
        w.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var k in _results.GroupBy(r => r.Keyword).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var n = k.Count();
            var p = k.Count(r => r.Outcome == SuiteOutcome.Pass);
            w.WriteLine($"| {k.Key} | {n} | {p} | {Pct(p, n)} | {k.Count(r => r.Outcome == SuiteOutcome.FalseAccept)} | {k.Count(r => r.Outcome == SuiteOutcome.FalseReject)} | {k.Count(r => r.Outcome == SuiteOutcome.NotCompiled)} | {k.Count(r => r.Outcome == SuiteOutcome.EngineError)} |");
        }
    }

    private static string Pct(int a, int b) => b == 0 ? "-" : (100.0 * a / b).ToString("F1", CultureInfo.InvariantCulture) + "%";
}
