using System.Text;
using HeteroAgents.Decoding.Vocabulary;

namespace HeteroAgents.Decoding.Tests.Vocabulary;

/// <summary>
/// The grammar-wide mask cache: a mask served from it equals the mask computed afresh, recurring states (later
/// items of an array, later generations) reuse their entries, and the budget is honoured.
/// </summary>
public sealed class GrammarMaskCacheTests
{
    [Theory]
    [InlineData(0, 40)]
    [InlineData(500, 40)]
    public void Cached_masks_equal_masks_computed_without_the_cache(int firstSeed, int count)
    {
        var compared = 0;
        for (var seed = firstSeed; seed < firstSeed + count; seed++)
        {
            var r = new Random(seed);
            var schema = FuzzSchema.Create(r);
            var order = r.Next(2) == 0 ? PropertyOrderMode.Any : PropertyOrderMode.SchemaOrder;
            CompiledGrammar cached, fresh;
            try
            {
                cached = JsonSchemaCompiler.Compile(schema, new JsonSchemaCompilerOptions { PropertyOrder = order, MaxNesting = 6 });
                fresh = JsonSchemaCompiler.Compile(schema, new JsonSchemaCompilerOptions { PropertyOrder = order, MaxNesting = 6, MaskCacheBytes = 0 });
            }
            catch (SchemaCompilationException)
            {
                continue;
            }

            var vocabulary = seed % 3 == 0 ? TestVocabularies.Cl100k : TestVocabularies.Bytes;

            // Walk 1 repeats walk 0 (every mask a hit), walk 2 goes elsewhere (hits where states recur).
            foreach (var walkSeed in new[] { seed, seed, seed + 7919 })
            {
                compared += CompareWalk(cached, fresh, vocabulary, new Random(walkSeed), $"seed {seed}: {schema}");
            }
        }

        Assert.True(compared > count * 10, $"only {compared} masks compared");
    }

    [Fact]
    public void Later_array_items_and_later_generations_reuse_the_entries_of_earlier_ones()
    {
        // Overlapping oneOf: the items are parsed by groups whose instances are identified by position.
        var grammar = JsonSchemaCompiler.Compile("""
            {"type":"array","items":{"oneOf":[
              {"type":"object","properties":{"a":{"type":"integer"},"b":{"type":"string"}},"required":["a"]},
              {"type":"object","properties":{"b":{"type":"string"}},"required":["b"]}]}}
            """, new JsonSchemaCompilerOptions { PropertyOrder = PropertyOrderMode.Any });
        Assert.True(grammar.Machine.HasGroups);
        var vocabulary = TestVocabularies.Bytes;
        var cache = grammar.MasksFor(vocabulary);
        const string Item = """{"a":12,"c":"xy"}"""; // matches the first branch only
        var constraint = grammar.CreateConstraint(vocabulary);
        Feed(constraint, vocabulary, "[" + Item + "," + Item);
        var afterTwo = cache.Count;
        Assert.True(afterTwo > 0);

        Feed(constraint, vocabulary, "," + Item + "," + Item + "]");
        Assert.Equal(afterTwo + 1, cache.Count); // only the state after the closing bracket is new

        var again = cache.Count;
        Feed(grammar.CreateConstraint(vocabulary), vocabulary, "[" + Item + "," + Item + "," + Item + "]");
        Assert.Equal(again, cache.Count);
    }

    [Fact]
    public void Every_token_with_a_quote_is_in_the_mask_exactly_when_it_can_be_advanced()
    {
        // Strings of several kinds (closed keys, enum, pattern, free) and what may follow their closing quote.
        var grammar = JsonSchemaCompiler.Compile("""
            {"type":"object","properties":{
              "name":{"type":"string","pattern":"^[a-z]+$"},
              "kind":{"enum":["alpha","beta"]},
              "tags":{"type":"array","items":{"type":"string"}},
              "note":{"type":"string","maxLength":6}},
             "required":["name"],"additionalProperties":false}
            """, new JsonSchemaCompilerOptions { PropertyOrder = PropertyOrderMode.Any });
        var vocabulary = TestVocabularies.Cl100k;
        var quoteTokens = Enumerable.Range(0, vocabulary.Size).Where(id => vocabulary.GetBytes(id).IndexOf((byte)'"') >= 0).ToList();
        var constraint = grammar.CreateConstraint(vocabulary);
        var mask = new uint[vocabulary.MaskWords];
        var checkedStates = 0;
        foreach (var b in Encoding.UTF8.GetBytes("""{"name":"abc","kind":"beta","tags":["x","y"],"note":"hello"}"""))
        {
            constraint.ComputeMask(mask);
            foreach (var id in quoteTokens)
            {
                var inMask = (mask[id >> 5] & (1u << (id & 31))) != 0;
                var advanced = constraint.TryAdvance(id);
                Assert.True(inMask == advanced, $"token '{Encoding.UTF8.GetString(vocabulary.GetBytes(id))}': mask {inMask}, advance {advanced}");
                if (advanced)
                {
                    constraint.Rollback(1);
                }
            }

            checkedStates++;
            Assert.True(constraint.TryAdvanceBytes([b]));
        }

        Assert.True(checkedStates > 50);
    }

    [Fact]
    public void The_budget_bounds_what_is_kept_and_zero_turns_the_cache_off()
    {
        const string Schema = """{"type":"object","properties":{"a":{"type":"integer"},"b":{"type":"boolean"}}}""";
        const string Json = """{"a":1,"b":true}""";
        var off = JsonSchemaCompiler.Compile(Schema, new JsonSchemaCompilerOptions { MaskCacheBytes = 0 });
        Assert.True(ConstraintDriver.FeedBytes(off, Json));
        Assert.False(off.MasksFor(TestVocabularies.Bytes).Enabled);
        Assert.Equal(0, off.MasksFor(TestVocabularies.Bytes).Count);

        var tiny = JsonSchemaCompiler.Compile(Schema, new JsonSchemaCompilerOptions { MaskCacheBytes = 1 });
        Assert.True(ConstraintDriver.FeedBytes(tiny, Json));
        Assert.Equal(1, tiny.MasksFor(TestVocabularies.Bytes).Count); // the first entry fills the budget

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => JsonSchemaCompiler.Compile(Schema, new JsonSchemaCompilerOptions { MaskCacheBytes = -1 }));
        Assert.Equal(nameof(JsonSchemaCompilerOptions.MaskCacheBytes), ex.ParamName);
    }

    [Theory]
    [InlineData(new[] { 0, 31, 32, 4095 })]
    [InlineData(new int[0])]
    public void A_stored_mask_restores_exactly_the_tokens_it_was_made_from(int[] ids)
    {
        foreach (var dense in new[] { false, true })
        {
            var mask = new uint[128];
            foreach (var id in ids)
            {
                mask[id >> 5] |= 1u << (id & 31);
            }

            if (dense)
            {
                Array.Fill(mask, 0xF0F0F0F0u); // more tokens than words: kept as bits
            }

            var restored = new uint[128];
            restored[3] = 1; // ORed into, not overwritten
            CachedMask.Of(mask).OrInto(restored);
            mask[3] |= 1;
            Assert.Equal(mask, restored);
        }
    }

    private static int CompareWalk(CompiledGrammar cached, CompiledGrammar fresh, TokenVocabulary vocabulary, Random r, string context)
    {
        var a = cached.CreateConstraint(vocabulary);
        var b = fresh.CreateConstraint(vocabulary);
        var maskA = new uint[vocabulary.MaskWords];
        var maskB = new uint[vocabulary.MaskWords];
        var eos = vocabulary.EndOfSequenceTokenIds[0];
        var compared = 0;
        for (var step = 0; step < 60; step++)
        {
            a.ComputeMask(maskA);
            b.ComputeMask(maskB);
            Assert.True(maskA.AsSpan().SequenceEqual(maskB), $"{context}: masks differ at step {step}");
            compared++;
            var choices = Enumerable.Range(0, vocabulary.Size).Where(t => t != eos && (maskA[t >> 5] & (1u << (t & 31))) != 0).ToList();
            if (choices.Count == 0)
            {
                break;
            }

            var pick = choices[r.Next(choices.Count)];
            Assert.True(a.TryAdvance(pick) && b.TryAdvance(pick), $"{context}: allowed token {pick} refused");
        }

        return compared;
    }

    private static void Feed(JsonSchemaConstraint constraint, TokenVocabulary vocabulary, string json)
    {
        var mask = new uint[vocabulary.MaskWords];
        foreach (var b in Encoding.UTF8.GetBytes(json))
        {
            constraint.ComputeMask(mask);
            Assert.True((mask[b >> 5] & (1u << (b & 31))) != 0, $"byte '{(char)b}' not allowed");
            Assert.True(constraint.TryAdvance(b));
        }

        constraint.ComputeMask(mask);
    }
}
