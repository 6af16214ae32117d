using System.Diagnostics;
using System.Text.Json;
using HeteroAgents.Decoding;
using Microsoft.ML.Tokenizers;

namespace HeteroAgents.Benchmarks.MaskBench;

/// <summary>Runs one MaskBench file: compile, then every test instance token by token with a mask before each token.</summary>
internal sealed class MaskBenchRunner(Tokenizer tokenizer, TokenVocabulary vocabulary, MaskBenchOptions options)
{
    public SchemaOutcome Run(string path)
    {
        var name = Path.GetFileName(path);
        var masks = new List<double>();
        var cpuMasks = new List<double>();
        var compileUs = 0.0;
        var firstMaskUs = -1.0;
        var cpuCompileUs = 0.0;
        var cpuFirstMaskUs = -1.0;
        SchemaOutcome Outcome(string status, string? reason) => new(name, status, reason, compileUs, firstMaskUs, masks)
        {
            Cpu = ThreadCpuClock.IsSupported ? new CpuTimes(cpuCompileUs, cpuFirstMaskUs, cpuMasks) : null,
        };

        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement;
        var compileOptions = new JsonSchemaCompilerOptions { PropertyOrder = options.Order };
        var cpu = ThreadCpuClock.NowNs();
        var sw = Stopwatch.StartNew();
        CompiledGrammar grammar;
        try
        {
            grammar = JsonSchemaCompiler.Compile(root.GetProperty("schema"), compileOptions);
        }
        catch (SchemaCompilationException ex)
        {
            (firstMaskUs, cpuFirstMaskUs) = (0, 0);
            return Outcome("compile_error", ex.Message);
        }

        compileUs = sw.Elapsed.TotalMicroseconds;
        cpuCompileUs = (ThreadCpuClock.NowNs() - cpu) / 1000.0;
        var mask = new uint[vocabulary.MaskWords];
        var deadline = Stopwatch.StartNew();
        var t = 0;
        foreach (var test in root.GetProperty("tests").EnumerateArray())
        {
            var valid = test.GetProperty("valid").GetBoolean();
            var text = CompactJson.ToText(test.GetProperty("data"));
            var ids = tokenizer.EncodeToIds(text);
            var constraint = grammar.CreateConstraint(vocabulary);
            var accepted = true;
            var consumed = new System.Text.StringBuilder();
            foreach (var id in ids)
            {
                var (us, cpuUs) = TimeMask(constraint, mask);
                masks.Add(us);
                cpuMasks.Add(cpuUs);
                if (firstMaskUs < 0)
                {
                    (firstMaskUs, cpuFirstMaskUs) = (us, cpuUs);
                }

                var allowed = (mask[id >> 5] & (1u << (id & 31))) != 0;
                var advanced = constraint.TryAdvance(id);
                if (allowed != advanced)
                {
                    return Outcome("engine_error", $"test {t}: mask says {allowed} but advance says {advanced} for token {id}");
                }

                if (!advanced)
                {
                    accepted = false;
                    consumed.Append(" <<refused>> ").Append(System.Text.Encoding.UTF8.GetString(vocabulary.GetBytes(id)));
                    break;
                }

                consumed.Append(System.Text.Encoding.UTF8.GetString(vocabulary.GetBytes(id)));

                if (deadline.ElapsedMilliseconds > options.TimeoutMs)
                {
                    return Outcome("timeout", $"test {t}");
                }
            }

            if (accepted)
            {
                var (us, cpuUs) = TimeMask(constraint, mask);
                masks.Add(us);
                cpuMasks.Add(cpuUs);
                accepted = constraint.IsAccepting;
            }

            if (accepted != grammar.Validate(text))
            {
                return Outcome("engine_error", $"test {t}: token-level and validation mode disagree");
            }

            if (valid && !accepted)
            {
                return Outcome("validation_error", $"test {t}: valid instance rejected: ...{Tail(consumed.ToString())}");
            }

            if (!valid && accepted)
            {
                return Outcome("invalidation_error", $"test {t}: invalid instance accepted: {Clip(text)}");
            }

            t++;
        }

        if (firstMaskUs < 0)
        {
            (firstMaskUs, cpuFirstMaskUs) = TimeMask(grammar.CreateConstraint(vocabulary), mask);
        }

        return Outcome("passing", null);
    }

    /// <summary>One mask computation in wall time and in the thread's CPU time (the CPU clock reads bracket the wall-clock ones).</summary>
    private static (double WallUs, double CpuUs) TimeMask(ITokenConstraint constraint, uint[] mask)
    {
        var cpu = ThreadCpuClock.NowNs();
        var start = Stopwatch.GetTimestamp();
        constraint.ComputeMask(mask);
        var wall = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        return (wall, (ThreadCpuClock.NowNs() - cpu) / 1000.0);
    }

    private static string Tail(string s) => s.Length <= 300 ? s : s[^300..];

    private static string Clip(string s) => s.Length <= 200 ? s : s[..200] + "...";
}
