namespace HeteroAgents.Benchmarks.MaskBench;

/// <summary>Aggregates outcomes into the published MaskBench table format.</summary>
internal sealed class MaskBenchReport
{
    private readonly List<SchemaOutcome> _outcomes;
    private readonly MaskBenchOptions _options;
    private readonly TimeSpan _elapsed;
    private readonly double[] _ttfm;
    private readonly double[] _tbm;
    private readonly double[] _ttfmCpu;
    private readonly double[] _tbmCpu;

    private MaskBenchReport(List<SchemaOutcome> outcomes, MaskBenchOptions options, TimeSpan elapsed)
    {
        _outcomes = outcomes;
        _options = options;
        _elapsed = elapsed;
        _ttfm = [.. outcomes.Where(o => o.Status != "compile_error" && o.CompileUs > 0).Select(o => o.CompileUs + o.FirstMaskUs).Order()];
        _tbm = [.. outcomes.SelectMany(o => o.MaskUs).Order()];
        _ttfmCpu = [.. outcomes.Where(o => o.Status != "compile_error" && o.Cpu is { CompileUs: > 0 }).Select(o => o.Cpu!.CompileUs + o.Cpu.FirstMaskUs).Order()];
        _tbmCpu = [.. outcomes.SelectMany(o => o.Cpu?.MaskUs ?? []).Order()];
    }

    public int EngineErrors => Count("engine_error");

    public int InvalidationErrors => Count("invalidation_error");

    /// <summary>Combines raw result files (shards of one run, e.g. --skip/--limit ranges).</summary>
    public static MaskBenchReport FromRawFiles(IEnumerable<string> paths, MaskBenchOptions options)
    {
        var outcomes = new List<SchemaOutcome>();
        var wall = TimeSpan.Zero;
        foreach (var path in paths)
        {
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
            var root = doc.RootElement;
            wall += TimeSpan.FromSeconds(root.GetProperty("wallSeconds").GetDouble());
            if (!root.TryGetProperty("outcomes", out var list) || list.ValueKind != System.Text.Json.JsonValueKind.Array)
            {
                throw new ArgumentException($"{path} has no raw outcomes (run with --raw)");
            }

            outcomes.AddRange(list.EnumerateArray().Select(o => new SchemaOutcome(
                o.GetProperty("File").GetString()!, o.GetProperty("Status").GetString()!, o.GetProperty("Reason").GetString(),
                o.GetProperty("CompileUs").GetDouble(), o.GetProperty("FirstMaskUs").GetDouble(),
                Doubles(o.GetProperty("MaskUs")))
            {
                Cpu = o.TryGetProperty("Cpu", out var c) && c.ValueKind == System.Text.Json.JsonValueKind.Object
                    ? new CpuTimes(c.GetProperty("CompileUs").GetDouble(), c.GetProperty("FirstMaskUs").GetDouble(), Doubles(c.GetProperty("MaskUs")))
                    : null,
            }));
        }

        return new MaskBenchReport([.. outcomes.OrderBy(o => o.File, StringComparer.Ordinal)], options, wall);
    }

    private static List<double> Doubles(System.Text.Json.JsonElement array) => [.. array.EnumerateArray().Select(x => x.GetDouble())];

    public static MaskBenchReport From(List<SchemaOutcome> outcomes, MaskBenchOptions options, TimeSpan elapsed) => new(outcomes, options, elapsed);

    private int Count(string status) => _outcomes.Count(o => o.Status == status);

    private static double Pct(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];

    private static double Avg(double[] xs) => xs.Length == 0 ? 0 : xs.Average();

    public void Print(TextWriter w)
    {
        var n = _outcomes.Count;
        var passing = Count("passing");
        w.WriteLine($"maskbench  tokenizer={_options.Tokenizer} threads={_options.Threads} order={_options.Order} files={n} wall={_elapsed.TotalSeconds:F1}s");
        w.WriteLine($"schemas {n} | passing {passing} ({100.0 * passing / Math.Max(1, n):F1}%) | compile error {Count("compile_error")} | validation error {Count("validation_error")} | invalidation error {InvalidationErrors} | timeout {Count("timeout")} | engine error {EngineErrors}");
        w.WriteLine($"TTFM us: avg {Avg(_ttfm):F0} p50 {Pct(_ttfm, 50):F0} p75 {Pct(_ttfm, 75):F0} p99 {Pct(_ttfm, 99):F0}");
        w.WriteLine($"TBM us:  avg {Avg(_tbm):F1} p50 {Pct(_tbm, 50):F1} p75 {Pct(_tbm, 75):F1} p90 {Pct(_tbm, 90):F1} p99 {Pct(_tbm, 99):F1} p99.9 {Pct(_tbm, 99.9):F1}  tokens {_tbm.Length}");
        if (_tbmCpu.Length > 0)
        {
            w.WriteLine("thread CPU time (excludes time spent waiting for a core; the wall-clock figures above include it):");
            w.WriteLine($"TTFM cpu us: avg {Avg(_ttfmCpu):F0} p50 {Pct(_ttfmCpu, 50):F0} p75 {Pct(_ttfmCpu, 75):F0} p99 {Pct(_ttfmCpu, 99):F0}");
            w.WriteLine($"TBM cpu us:  avg {Avg(_tbmCpu):F1} p50 {Pct(_tbmCpu, 50):F1} p75 {Pct(_tbmCpu, 75):F1} p90 {Pct(_tbmCpu, 90):F1} p99 {Pct(_tbmCpu, 99):F1} p99.9 {Pct(_tbmCpu, 99.9):F1}");
        }
    }

    public object ToJson()
    {
        var n = _outcomes.Count;
        return new
        {
            tokenizer = _options.Tokenizer,
            threads = _options.Threads,
            propertyOrder = _options.Order.ToString(),
            wallSeconds = _elapsed.TotalSeconds,
            schemas = n,
            passing = Count("passing"),
            compileError = Count("compile_error"),
            validationError = Count("validation_error"),
            invalidationError = InvalidationErrors,
            timeout = Count("timeout"),
            engineError = EngineErrors,
            ttfmUs = new { avg = Avg(_ttfm), p50 = Pct(_ttfm, 50), p75 = Pct(_ttfm, 75), p99 = Pct(_ttfm, 99) },
            tbmUs = new { avg = Avg(_tbm), p50 = Pct(_tbm, 50), p75 = Pct(_tbm, 75), p90 = Pct(_tbm, 90), p99 = Pct(_tbm, 99), p999 = Pct(_tbm, 99.9), tokens = _tbm.Length },
            ttfmCpuUs = _tbmCpu.Length == 0 ? null : new { avg = Avg(_ttfmCpu), p50 = Pct(_ttfmCpu, 50), p75 = Pct(_ttfmCpu, 75), p99 = Pct(_ttfmCpu, 99) },
            tbmCpuUs = _tbmCpu.Length == 0 ? null : new { avg = Avg(_tbmCpu), p50 = Pct(_tbmCpu, 50), p75 = Pct(_tbmCpu, 75), p90 = Pct(_tbmCpu, 90), p99 = Pct(_tbmCpu, 99), p999 = Pct(_tbmCpu, 99.9) },
            failures = _outcomes.Where(o => o.Status != "passing").Select(o => new { file = o.File, status = o.Status, reason = o.Reason }),
            outcomes = _options.Raw ? _outcomes : null,
            slowest = _outcomes.OrderByDescending(o => o.CompileUs + o.FirstMaskUs + o.MaskUs.DefaultIfEmpty(0).Max()).Take(30)
                .Select(o => new { file = o.File, compileUs = o.CompileUs, firstMaskUs = o.FirstMaskUs, maxMaskUs = o.MaskUs.DefaultIfEmpty(0).Max(), masks = o.MaskUs.Count }),
        };
    }
}
