using System.Text.Json;
using HeteroAgents.ModelMaker;
using HeteroAgents.ModelMaker.Tokenizer;
using Microsoft.ML.Tokenizers;

namespace HeteroAgents.ModelMaker.Tests.Tokenizer;

public sealed class TokenizerFilesWriterTests(ModelFixture fixture) : IClassFixture<ModelFixture>
{
    private const string Text = "Hello world! The quick brown fox jumps over the lazy dog.\nÜnïcödé, 日本語 and emoji 🙂 survive: {\"a\": [1, 2.5]}";

    [Fact]
    public void Microsoft_ML_Tokenizers_loads_the_written_vocab_and_merges_and_round_trips_text()
    {
        var files = fixture.Get(new ModelSpec(ModelPresets.Tiny));
        using var vocab = File.OpenRead(Path.Combine(files.Directory, "vocab.json"));
        using var merges = File.OpenRead(Path.Combine(files.Directory, "merges.txt"));
        var tokenizer = CodeGenTokenizer.Create(vocab, merges, addPrefixSpace: false, addBeginOfSentence: false, addEndOfSentence: false);

        var ids = tokenizer.EncodeToIds(Text);

        Assert.Equal(Text, tokenizer.Decode(ids));
        Assert.All(ids, id => Assert.InRange(id, 0, ModelPresets.Tiny.VocabSize - 4));
        Assert.Contains(ids, id => id >= 256); // merges were applied, not just bytes
        Assert.True(ids.Count < System.Text.Encoding.UTF8.GetByteCount(Text));
    }

    [Fact]
    public void Tokenizer_json_is_a_byte_level_bpe_with_chatml_specials_at_the_end()
    {
        var files = fixture.Get(new ModelSpec(ModelPresets.Tiny));
        using var json = JsonDocument.Parse(File.ReadAllText(files.Tokenizer));
        var root = json.RootElement;
        var model = root.GetProperty("model");

        Assert.Equal("BPE", model.GetProperty("type").GetString());
        Assert.Equal(1021, model.GetProperty("vocab").EnumerateObject().Count());
        Assert.Equal(0, model.GetProperty("vocab").GetProperty("!").GetInt32());
        Assert.Equal(1021 - 256, model.GetProperty("merges").GetArrayLength());
        Assert.Equal("Ġ Ġ", model.GetProperty("merges")[0].GetString());
        Assert.Equal("ByteLevel", root.GetProperty("decoder").GetProperty("type").GetString());
        Assert.Equal("ByteLevel", root.GetProperty("pre_tokenizer").GetProperty("pretokenizers")[1].GetProperty("type").GetString());
        var added = root.GetProperty("added_tokens").EnumerateArray().Select(t => (t.GetProperty("id").GetInt32(), t.GetProperty("content").GetString())).ToList();
        Assert.Equal([(1021, "<|endoftext|>"), (1022, "<|im_start|>"), (1023, "<|im_end|>")], added);

        // tokenizer.json carries the same vocabulary and merges as vocab.json + merges.txt (which Microsoft.ML.Tokenizers loads).
        using var vocabJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(files.Directory, "vocab.json")));
        var separate = vocabJson.RootElement.EnumerateObject().Where(p => p.Value.GetInt32() < 1021).Select(p => (p.Name, p.Value.GetInt32()));
        Assert.Equal(separate, model.GetProperty("vocab").EnumerateObject().Select(p => (p.Name, p.Value.GetInt32())));
        var mergeLines = File.ReadAllLines(Path.Combine(files.Directory, "merges.txt")).Skip(1);
        Assert.Equal(mergeLines, model.GetProperty("merges").EnumerateArray().Select(m => m.GetString()!));
    }

    [Fact]
    public void Tokenizer_config_has_the_chat_template_and_special_tokens()
    {
        var files = fixture.Get(new ModelSpec(ModelPresets.TinyQwen2));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(files.Directory, "tokenizer_config.json")));
        var root = json.RootElement;

        Assert.Equal(ChatTemplates.Qwen25, root.GetProperty("chat_template").GetString());
        Assert.Contains("<|im_start|>", root.GetProperty("chat_template").GetString(), StringComparison.Ordinal);
        Assert.Equal("<|im_end|>", root.GetProperty("eos_token").GetString());
        Assert.Equal("<|im_start|>", root.GetProperty("added_tokens_decoder").GetProperty("1022").GetProperty("content").GetString());
        Assert.False(root.GetProperty("add_bos_token").GetBoolean());
    }

    [Fact]
    public void Vocabulary_cut_from_cl100k_encodes_like_tiktoken_where_tiktoken_stays_below_the_cut()
    {
        var vocab = BpeVocabulary.Create(ModelPresets.SmolLM2_135M.VocabSize);
        var dir = fixture.NewDirectory();
        using (var v = File.Create(Path.Combine(dir, "vocab.json")))
        using (var writer = new Utf8JsonWriter(v))
        {
            writer.WriteStartObject();
            for (var id = 0; id < vocab.Size; id++)
            {
                writer.WriteNumber(vocab.Tokens[id], id);
            }

            writer.WriteEndObject();
        }

        File.WriteAllLines(Path.Combine(dir, "merges.txt"), ["#version: 0.2", .. vocab.Merges.Select(m => m.Left + " " + m.Right)]);
        using var vocabStream = File.OpenRead(Path.Combine(dir, "vocab.json"));
        using var mergesStream = File.OpenRead(Path.Combine(dir, "merges.txt"));
        var ours = CodeGenTokenizer.Create(vocabStream, mergesStream);
        var tiktoken = TiktokenTokenizer.CreateForEncoding("cl100k_base");
        const string sentence = "The quick brown fox jumps over the lazy dog, and then it runs back to the house for dinner.";

        var expected = tiktoken.EncodeToIds(sentence);
        Assert.All(expected, id => Assert.True(id < vocab.Size - 3, $"sentence uses cl100k token {id} above the cut"));
        Assert.Equal(expected, ours.EncodeToIds(sentence));
        Assert.Equal(49152, vocab.Size);
        Assert.Equal("cl100k_base", vocab.Encoding);
    }
}
