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
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement;
        var compileOptions = new JsonSchemaCompilerOptions { PropertyOrder = options.Order };
        var sw = Stopwatch.StartNew();
        CompiledGrammar grammar;
        try
        {
            grammar = JsonSchemaCompiler.Compile(root.GetProperty("schema"), compileOptions);
        }
        catch (SchemaCompilationException ex)
        {
            return new SchemaOutcome(name, "compile_error", ex.Message, 0, 0, masks);
        }

        var compileUs = sw.Elapsed.TotalMicroseconds;
        var mask = new uint[vocabulary.MaskWords];
        var firstMaskUs = -1.0;
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
                var ms = Stopwatch.GetTimestamp();
                constraint.ComputeMask(mask);
                var us = Stopwatch.GetElapsedTime(ms).TotalMicroseconds;
                masks.Add(us);
                if (firstMaskUs < 0)
                {
                    firstMaskUs = us;
                }

                var allowed = (mask[id >> 5] & (1u << (id & 31))) != 0;
                var advanced = constraint.TryAdvance(id);
                if (allowed != advanced)
                {
                    return new SchemaOutcome(name, "engine_error", $"test {t}: mask says {allowed} but advance says {advanced} for token {id}", compileUs, firstMaskUs, masks);
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
                    return new SchemaOutcome(name, "timeout", $"test {t}", compileUs, firstMaskUs, masks);
                }
            }

            if (accepted)
            {
                var ms = Stopwatch.GetTimestamp();
                constraint.ComputeMask(mask);
                masks.Add(Stopwatch.GetElapsedTime(ms).TotalMicroseconds);
                accepted = constraint.IsAccepting;
            }

            if (accepted != grammar.Validate(text))
            {
                return new SchemaOutcome(name, "engine_error", $"test {t}: token-level and validation mode disagree", compileUs, firstMaskUs, masks);
            }

            if (valid && !accepted)
            {
                return new SchemaOutcome(name, "validation_error", $"test {t}: valid instance rejected: ...{Tail(consumed.ToString())}", compileUs, firstMaskUs, masks);
            }

            if (!valid && accepted)
            {
                return new SchemaOutcome(name, "invalidation_error", $"test {t}: invalid instance accepted: {Clip(text)}", compileUs, firstMaskUs, masks);
            }

            t++;
        }

        if (firstMaskUs < 0)
        {
            var ms = Stopwatch.GetTimestamp();
            grammar.CreateConstraint(vocabulary).ComputeMask(mask);
            firstMaskUs = Stopwatch.GetElapsedTime(ms).TotalMicroseconds;
        }

        return new SchemaOutcome(name, "passing", null, compileUs, firstMaskUs, masks);
    }

    private static string Tail(string s) => s.Length <= 300 ? s : s[^300..];

    private static string Clip(string s) => s.Length <= 200 ? s : s[..200] + "...";
}
