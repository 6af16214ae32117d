using HeteroAgents.Inference.Models;
using HeteroAgents.Inference.Tests.TestSupport;
using HeteroAgents.Inference.Tokenization;

namespace HeteroAgents.Inference.Tests.Tokenization;

public sealed class HfTokenizerLoaderTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Byte_level_bpe_applies_merges_and_round_trips(bool mergesAsArrays)
    {
        var dir = TempDirectory.Create();
        ByteLevelTokenizerJson.Write(dir, mergesAsArrays);
        var tokenizer = HfTokenizerLoader.Load(dir);
        var vocab = ByteLevelTokenizerJson.Vocabulary();

        var ids = tokenizer.Encode("hello world");

        Assert.Equal([vocab["hello"], vocab["Ġworld"]], ids);
        Assert.Equal("hello world", tokenizer.Decode(ids));
    }

    [Fact]
    public void Special_tokens_are_split_out_and_skipped_when_decoding()
    {
        var dir = TempDirectory.Create();
        ByteLevelTokenizerJson.Write(dir);
        var tokenizer = HfTokenizerLoader.Load(dir);

        var ids = tokenizer.Encode("<|im_start|>hi<|im_end|>");

        Assert.Equal([301, 'h', 'i', 302], ids);
        Assert.Equal("hi", tokenizer.Decode(ids));
        Assert.Equal("<|im_start|>hi<|im_end|>", tokenizer.Decode(ids, includeSpecial: true));
        Assert.Equal(303, tokenizer.VocabularySize);
        Assert.True(tokenizer.IsSpecial(302));
        Assert.Equal(302, tokenizer.TokenId("<|im_end|>"));
    }

    [Fact]
    public void Multibyte_text_round_trips()
    {
        var dir = TempDirectory.Create();
        ByteLevelTokenizerJson.Write(dir);
        var tokenizer = HfTokenizerLoader.Load(dir);

        const string text = "Grüße, 東京! 🙂";
        var ids = tokenizer.Encode(text);

        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(text), ids.Count);
        Assert.Equal(text, tokenizer.Decode(ids));
    }

    [Fact]
    public void Individual_digits_pre_tokenizer_splits_numbers_into_single_digits_before_the_byte_level_split()
    {
        using var doc = System.Text.Json.JsonDocument.Parse("""
            {"pre_tokenizer": {"type": "Sequence", "pretokenizers": [{"type": "Digits", "individual_digits": true}, {"type": "ByteLevel", "use_regex": true}]}}
            """);
        var steps = PreTokenizerReader.ReadPreTokenizer(doc.RootElement, "tokenizer.json");

        var pieces = steps.Aggregate(new List<string> { "ab 123x a  1" }, (p, step) => step.Apply(p));

        // Digits first cuts "a  " from "1", so the byte-level split keeps the two spaces together.
        Assert.Equal(["ab", " ", "1", "2", "3", "x", " a", "  ", "1"], pieces);
    }

    [Theory]
    [InlineData(false, new[] { 4, 2, 3, 4, 2 })]
    [InlineData(true, new[] { 5, 3, 4, 2 })]
    public void Ignore_merges_takes_a_piece_found_in_the_vocabulary_whole(bool ignoreMerges, int[] expected)
    {
        // Expected ids computed by @huggingface/tokenizers 0.2.0 on this very file: "abc" is in the vocabulary, but the
        // merges only reach "ab" + "c"; with ignore_merges (Llama 3's setting) the whole piece wins.
        var dir = TempDirectory.Create();
        File.WriteAllText(Path.Combine(dir, "tokenizer.json"), $$$"""
            {"added_tokens": [], "normalizer": null, "pre_tokenizer": {"type": "ByteLevel", "add_prefix_space": false, "use_regex": true},
             "decoder": {"type": "ByteLevel"},
             "model": {"type": "BPE", "ignore_merges": {{{(ignoreMerges ? "true" : "false")}}}, "vocab": {"a": 0, "b": 1, "c": 2, "Ġ": 3, "ab": 4, "abc": 5, "Ġa": 6}, "merges": ["a b", "Ġ a"]}}
            """);

        var tokenizer = HfTokenizerLoader.Load(dir);

        Assert.Equal(expected, tokenizer.Encode("abc abc"));
        Assert.Equal("abc abc", tokenizer.Decode(tokenizer.Encode("abc abc")));
    }

    [Theory]
    [InlineData("\\\\w+", "'\\w'")]
    [InlineData("[[a-z]&&[^x]]", "nested classes")]
    [InlineData("(?x)a", "group")]
    public void Split_regexes_without_a_faithful_translation_are_refused_naming_the_file(string regex, string detail)
    {
        using var doc = System.Text.Json.JsonDocument.Parse($$$"""
            {"pre_tokenizer": {"type": "Sequence", "pretokenizers": [{"type": "Split", "pattern": {"Regex": "{{{regex}}}"}, "behavior": "Isolated"}, {"type": "ByteLevel", "use_regex": false}]}}
            """);

        var ex = Assert.Throws<ModelLoadException>(() => PreTokenizerReader.ReadPreTokenizer(doc.RootElement, "x/tokenizer.json"));

        Assert.Contains("x/tokenizer.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains(detail, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Vocab_and_merges_files_give_the_same_ids_as_tokenizer_json()
    {
        var fromJson = HfTokenizerLoader.Load(TinyModel.Directory);
        var dir = TempDirectory.Create();
        File.Copy(Path.Combine(TinyModel.Directory, "vocab.json"), Path.Combine(dir, "vocab.json"));
        File.Copy(Path.Combine(TinyModel.Directory, "merges.txt"), Path.Combine(dir, "merges.txt"));
        var fromFiles = HfTokenizerLoader.Load(dir);

        const string text = "The quick brown fox jumps over the lazy dog.";
        Assert.Equal(fromJson.Encode(text), fromFiles.Encode(text));
        Assert.Equal(text, fromFiles.Decode(fromFiles.Encode(text)));
    }

    [Fact]
    public void Missing_tokenizer_names_the_folder_and_expected_files()
    {
        var dir = TempDirectory.Create();

        var ex = Assert.Throws<ModelLoadException>(() => HfTokenizerLoader.Load(dir));

        Assert.Contains(dir, ex.Message, StringComparison.Ordinal);
        Assert.Contains("tokenizer.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_names_the_file_and_line()
    {
        var dir = TempDirectory.Create();
        File.WriteAllText(Path.Combine(dir, "tokenizer.json"), "{\n \"model\": {\n \"type\": \"BPE\",,\n");

        var ex = Assert.Throws<ModelLoadException>(() => HfTokenizerLoader.Load(dir));

        Assert.Contains("tokenizer.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains("line 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unsupported_tokenizer_model_type_is_named()
    {
        var dir = TempDirectory.Create();
        ByteLevelTokenizerJson.Write(dir, modelType: "WordPiece");

        var ex = Assert.Throws<ModelLoadException>(() => HfTokenizerLoader.Load(dir));

        Assert.Contains("WordPiece", ex.Message, StringComparison.Ordinal);
    }
}
