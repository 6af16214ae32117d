using System.Text.Json;
using HeteroAgents.Inference.Tests.TestSupport;
using HeteroAgents.Inference.Tokenization;
using Xunit.Abstractions;

namespace HeteroAgents.Inference.Tests.Tokenization;

/// <summary>
/// The project's tokenizers against Hugging Face's reference (<c>@huggingface/tokenizers</c> 0.2.0) on the real tokenizer
/// files of ../shared/models-meta: the golden ids were written by scripts/hf-reference/tokenizers.mjs over a seeded corpus
/// of 2,216 strings (scripts, numbers, whitespace, emoji, code, JSON, special-token spellings).
/// </summary>
public sealed class TokenizerConformanceTests(ITestOutputHelper output)
{
    private static readonly Lazy<string[]> Corpus = new(() => JsonSerializer.Deserialize<string[]>(File.ReadAllText(RealModelFiles.TestData("Tokenization/Golden/corpus.json")))!);

    [Theory]
    [InlineData("smollm2-135m-instruct")]
    [InlineData("qwen3-0.6b-onnx-community-layout")]
    public void Ids_equal_the_reference_for_every_corpus_string(string model)
    {
        var tokenizer = HfTokenizerLoader.Load(RealModelFiles.Folder(model));
        var golden = Golden.Read(model);
        Assert.True(Corpus.Value.Length >= 2000, $"corpus has {Corpus.Value.Length} strings");
        Assert.Equal(Corpus.Value.Length, golden.Ids.Length);

        var mismatches = new List<string>();
        for (var i = 0; i < Corpus.Value.Length; i++)
        {
            var ids = tokenizer.Encode(Corpus.Value[i]);
            if (!ids.SequenceEqual(golden.Ids[i]))
            {
                mismatches.Add($"#{i} {JsonSerializer.Serialize(Corpus.Value[i])}: got [{string.Join(",", ids)}], reference [{string.Join(",", golden.Ids[i])}]");
            }
        }

        output.WriteLine($"{model}: {Corpus.Value.Length - mismatches.Count}/{Corpus.Value.Length} strings agree ({golden.Ids.Sum(x => x.Length)} tokens)");
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {Corpus.Value.Length} differ:\n" + string.Join("\n", mismatches.Take(15)));
    }

    [Theory]
    [InlineData("smollm2-135m-instruct")]
    [InlineData("qwen3-0.6b-onnx-community-layout")]
    public void Decoding_the_reference_ids_gives_the_reference_text(string model)
    {
        var tokenizer = HfTokenizerLoader.Load(RealModelFiles.Folder(model));
        var golden = Golden.Read(model);
        var mismatches = new List<string>();
        for (var i = 0; i < Corpus.Value.Length; i++)
        {
            // The reference decodes every string back exactly, except where NFC changed it (Qwen's normalizer).
            var expected = golden.DecodedWhereDifferent.TryGetValue(i.ToString(System.Globalization.CultureInfo.InvariantCulture), out var d) ? d : Corpus.Value[i];
            var text = tokenizer.Decode(golden.Ids[i], includeSpecial: true);
            if (text != expected)
            {
                mismatches.Add($"#{i}: got {JsonSerializer.Serialize(text)}, expected {JsonSerializer.Serialize(expected)}");
            }
        }

        output.WriteLine($"{model}: {Corpus.Value.Length - mismatches.Count}/{Corpus.Value.Length} decode exactly ({golden.DecodedWhereDifferent.Count} normalized by NFC)");
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(15)));
    }

    private sealed record Golden(int[][] Ids, Dictionary<string, string> DecodedWhereDifferent)
    {
        public static Golden Read(string model)
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(RealModelFiles.TestData($"Tokenization/Golden/{model}.ids.json")));
            var root = doc.RootElement;
            return new Golden(
                [.. root.GetProperty("ids").EnumerateArray().Select(a => a.EnumerateArray().Select(e => e.GetInt32()).ToArray())],
                root.GetProperty("decodedWhereDifferent").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!));
        }
    }
}
