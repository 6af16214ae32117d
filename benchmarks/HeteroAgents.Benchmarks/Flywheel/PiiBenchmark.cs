using System.Diagnostics;
using System.Globalization;
using HeteroAgents.Flywheel;

namespace HeteroAgents.Benchmarks.Flywheel;

/// <summary>
/// <c>pii</c>: precision and recall per PII type of the conversion loop's scrubber (S2) on a labelled corpus, plus
/// scrubbing throughput. <c>--corpus NAME|FILE</c> picks the corpus: <c>written</c> (default: <c>pii-corpus.jsonl</c>
/// with <c>terms.txt</c>, written with the scrubber), <c>heldout</c> (<c>pii-heldout.jsonl</c> with
/// <c>heldout-terms.txt</c>, written before the scrubber's patterns were read; <c>--heldout</c> is short for it),
/// <c>blind-people</c> (<c>pii-blind-people.jsonl</c>, names, postal addresses and dates of birth with look-alikes,
/// written before the scrubber was read; no terms), or a JSONL file. Other options: <c>--terms FILE</c>,
/// <c>--passes N</c> (timing passes, default 20), <c>--types Name,Address,...</c> (only these types; default all),
/// <c>--mistakes</c> (list every false positive and negative).
/// </summary>
internal sealed class PiiBenchmark : IBenchmarkCommand
{
    public string Name => "pii";

    public string Description => "PII scrubber precision/recall per type on the labelled corpus, and throughput";

    public Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var corpusDir = Path.Combine(RepositoryRoot(), "tests", "HeteroAgents.Flywheel.Tests", "Scrub", "Corpus");
        var corpusName = Option(args, "--corpus") ?? (args.Contains("--heldout") ? "heldout" : "written");
        var (corpusPath, defaultTerms) = corpusName switch
        {
            "written" => (Path.Combine(corpusDir, "pii-corpus.jsonl"), Path.Combine(corpusDir, "terms.txt")),
            "heldout" => (Path.Combine(corpusDir, "pii-heldout.jsonl"), Path.Combine(corpusDir, "heldout-terms.txt")),
            "blind-people" => (Path.Combine(corpusDir, "pii-blind-people.jsonl"), null),
            _ when File.Exists(corpusName) => (corpusName, null),
            _ => throw new ArgumentException($"--corpus '{corpusName}': expected written, heldout, blind-people or an existing JSONL file."),
        };
        var termsPath = Option(args, "--terms") ?? defaultTerms;
        var passes = int.Parse(Option(args, "--passes") ?? "20", CultureInfo.InvariantCulture);

        var corpus = LabelledPiiText.ReadFile(corpusPath);
        var types = Option(args, "--types")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => Enum.Parse<PiiType>(t, ignoreCase: true)).ToList() ?? [];
        var scrubber = new PiiScrubber(new PiiScrubberOptions { TermFiles = termsPath is null ? [] : [termsPath], Types = types });
        var report = PiiEvaluation.Evaluate(corpus, scrubber);

        Console.WriteLine($"corpus: {corpusPath} ({report.Lines} lines, {corpus.Count(c => c.Pii.Count == 0)} without PII), terms: {termsPath ?? "none"}");
        Console.WriteLine();
        Console.Write(report.ToMarkdownTable());
        if (args.Contains("--mistakes"))
        {
            Console.WriteLine();
            foreach (var m in report.Mistakes)
            {
                Console.WriteLine(m);
            }
        }
        else
        {
            Console.WriteLine($"({report.Mistakes.Count} mistakes; --mistakes lists them)");
        }

        var chars = corpus.Sum(c => (long)c.Text.Length);
        foreach (var c in corpus)
        {
            scrubber.Scrub(c.Text); // warm-up
        }

        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        for (var p = 0; p < passes; p++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var c in corpus)
            {
                scrubber.Scrub(c.Text);
            }
        }

        watch.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var lines = (double)corpus.Count * passes;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"throughput (wall): {lines / watch.Elapsed.TotalSeconds:0} lines/s, {chars * passes / watch.Elapsed.TotalSeconds / 1e6:0.00} MB/s of text, {watch.Elapsed.TotalMilliseconds * 1000 / lines:0.0} µs/line ({passes} passes, 1 thread)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"process CPU time: {cpu.TotalMilliseconds * 1000 / lines:0.0} µs/line, {chars * passes / cpu.TotalSeconds / 1e6:0.00} MB/s (less sensitive to other load on the machine)"));
        return Task.FromResult(0);
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HeteroAgents.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
