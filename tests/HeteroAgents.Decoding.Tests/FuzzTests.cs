using System.Text;
using System.Text.Json;

namespace HeteroAgents.Decoding.Tests;

/// <summary>
/// Generated schemas over every keyword, random token walks: no exception escapes <c>ComputeMask</c> or
/// <c>TryAdvance</c> (schemas that cannot be compiled fail at compile time, with a <see cref="SchemaCompilationException"/>),
/// every token's mask bit agrees with <c>TryAdvance</c>, and a walk that ends accepting is valid JSON the grammar
/// validates.
/// </summary>
public sealed class FuzzTests
{
    [Theory]
    [InlineData(0, 120)]
    [InlineData(1000, 120)]
    public void Random_schemas_and_token_walks_never_throw_and_masks_agree(int firstSeed, int count)
    {
        var compiled = 0;
        var accepted = 0;
        for (var seed = firstSeed; seed < firstSeed + count; seed++)
        {
            var r = new Random(seed);
            var schema = FuzzSchema.Create(r);
            var options = new JsonSchemaCompilerOptions
            {
                PropertyOrder = r.Next(2) == 0 ? PropertyOrderMode.Any : PropertyOrderMode.SchemaOrder,
                Whitespace = r.Next(4) == 0 ? WhitespaceMode.Flexible : WhitespaceMode.Compact,
                MaxConsecutiveWhitespace = 2,
                MaxNesting = 6,
            };
            CompiledGrammar grammar;
            try
            {
                grammar = JsonSchemaCompiler.Compile(schema, options);
            }
            catch (SchemaCompilationException)
            {
                continue;
            }

            compiled++;
            var vocabulary = r.Next(3) == 0 ? TestVocabularies.Cl100k : TestVocabularies.Bytes;
            for (var walk = 0; walk < 3; walk++)
            {
                accepted += Walk(grammar, vocabulary, r, $"seed {seed} walk {walk}: {schema}") ? 1 : 0;
            }
        }

        Assert.True(compiled > count / 2, $"only {compiled} of {count} schemas compiled");
        Assert.True(accepted > 0, "no walk ended accepting");
    }

    private static bool Walk(CompiledGrammar grammar, TokenVocabulary vocabulary, Random r, string context)
    {
        var constraint = grammar.CreateConstraint(vocabulary);
        var mask = new uint[vocabulary.MaskWords];
        var eos = vocabulary.EndOfSequenceTokenIds[0];
        var text = new List<byte>();
        for (var step = 0; step < 80 && !constraint.IsComplete; step++)
        {
            constraint.ComputeMask(mask);
            var allowed = Enumerable.Range(0, vocabulary.Size).Where(t => (mask[t >> 5] & (1u << (t & 31))) != 0).ToList();
            for (var probe = 0; probe < 4; probe++)
            {
                // A token picked without looking at the mask: advancing must agree with the mask (then undo).
                var any = r.Next(vocabulary.Size);
                var allowedBit = (mask[any >> 5] & (1u << (any & 31))) != 0;
                var advanced = constraint.TryAdvance(any);
                Assert.True(allowedBit == advanced, $"{context}: token {any} mask {allowedBit} advance {advanced} after '{Encoding.UTF8.GetString([.. text])}'");
                if (advanced)
                {
                    constraint.Rollback(1);
                }
            }

            var choices = allowed.Where(t => t != eos).ToList();
            if (choices.Count == 0 || (allowed.Contains(eos) && r.Next(8) == 0))
            {
                break;
            }

            var pick = choices[r.Next(choices.Count)];
            Assert.True(constraint.TryAdvance(pick), $"{context}: allowed token {pick} refused");
            text.AddRange(vocabulary.GetBytes(pick).ToArray());
        }

        if (!constraint.IsAccepting)
        {
            return false;
        }

        var json = Encoding.UTF8.GetString([.. text]);
        using var _ = JsonDocument.Parse(json);
        Assert.True(grammar.Validate(json), $"{context}: accepted walk does not validate: {json}");
        return true;
    }
}
