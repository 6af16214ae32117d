using System.Globalization;
using System.Text;
using System.Text.Json;

namespace HeteroAgents.Decoding.Tests;

/// <summary>Numbers: the constrained decoder only emits numbers that parse to a finite double; bounds stay exact.</summary>
public sealed class NumberTests
{
    [Fact]
    public void Numbers_beyond_a_finite_double_are_refused()
    {
        SchemaAssert.Accepts("""{"type":"number"}""", "1e308", "1.7976931348623157e308", "-1.7976931348623157e+308", "1e-308", "123456789012345678901234567890");
        SchemaAssert.Rejects("""{"type":"number"}""", "1e309", "1.8e308", "10e308", "-2e308", "1e1000");
        SchemaAssert.Accepts("""{"type":"integer"}""", "1e2", "1.0", "150e-1", "-0");
        SchemaAssert.Rejects("""{"type":"integer"}""", "1.5", "15e-1", "1e400");
    }

    [Fact]
    public void Digit_and_exponent_bounds_are_configurable()
    {
        var options = new JsonSchemaCompilerOptions { MaxNumberDigits = 4, MaxNumberExponent = 2 };
        SchemaAssert.Check("""{"type":"number"}""", true, options, "1234", "12.34", "1e2", "1e-2", "9.99e2", "1e002");
        SchemaAssert.Check("""{"type":"number"}""", false, options, "12345", "1.2345", "1e100", "1e-3", "1e0000000000000002");
        Assert.Throws<ArgumentOutOfRangeException>(() => JsonSchemaCompiler.Compile("{}", new JsonSchemaCompilerOptions { MaxNumberDigits = 301 }));
    }

    [Fact]
    public void Bounds_and_multiples_stay_exact_beyond_the_decimal_range()
    {
        SchemaAssert.Accepts("""{"maximum":1e20}""", "99999999999999999e3", "1e20", "100000000000000000000");
        SchemaAssert.Rejects("""{"maximum":1e20}""", "100000000000000001e3", "1.00000000000000001e20", "1e21");
        SchemaAssert.Accepts("""{"type":"number","minimum":0.5,"exclusiveMaximum":1}""", "0.5", "0.99999", "5e-1");
        SchemaAssert.Rejects("""{"type":"number","minimum":0.5,"exclusiveMaximum":1}""", "0.49999", "1", "1.0", "10e-1", "1e300");
        SchemaAssert.Accepts("""{"type":"integer","multipleOf":0.5}""", "1e308", "4");
        SchemaAssert.Accepts("""{"multipleOf":0.0001}""", "1e200", "0.0003");
        SchemaAssert.Rejects("""{"multipleOf":0.0001}""", "0.00003", "1e-200");
    }

    [Fact]
    public void Random_walks_never_write_a_number_that_is_not_a_finite_double()
    {
        var grammar = JsonSchemaCompiler.Compile("""{"type":"array","items":{"type":"number"},"maxItems":5}""");
        var vocabulary = TestVocabularies.Cl100k;
        var mask = new uint[vocabulary.MaskWords];
        var random = new Random(7);
        var eos = vocabulary.EndOfSequenceTokenIds[0];
        var completed = 0;
        for (var walk = 0; walk < 60; walk++)
        {
            var constraint = grammar.CreateConstraint(vocabulary);
            var text = new List<byte>();
            for (var step = 0; step < 120 && !constraint.IsComplete; step++)
            {
                constraint.ComputeMask(mask);
                var allowed = Enumerable.Range(0, vocabulary.Size).Where(t => (mask[t >> 5] & (1u << (t & 31))) != 0 && t != eos).ToList();
                if (allowed.Count == 0)
                {
                    break;
                }

                // Prefer digit-heavy and exponent tokens so the walks push against the bounds.
                var heavy = allowed.Where(t => vocabulary.GetBytes(t).IndexOfAny("0123456789eE"u8) >= 0).ToList();
                var pick = heavy.Count > 0 && random.Next(4) > 0 ? heavy[random.Next(heavy.Count)] : allowed[random.Next(allowed.Count)];
                Assert.True(constraint.TryAdvance(pick));
                text.AddRange(vocabulary.GetBytes(pick).ToArray());
            }

            if (!constraint.IsAccepting)
            {
                continue;
            }

            completed++;
            using var doc = JsonDocument.Parse(text.ToArray());
            foreach (var n in doc.RootElement.EnumerateArray())
            {
                var value = double.Parse(n.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);
                Assert.True(double.IsFinite(value), $"{n.GetRawText()} in {Encoding.UTF8.GetString([.. text])}");
            }
        }

        Assert.True(completed > 10, $"only {completed} walks completed");
    }
}
