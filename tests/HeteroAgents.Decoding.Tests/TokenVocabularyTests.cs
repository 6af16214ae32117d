namespace HeteroAgents.Decoding.Tests;

public sealed class TokenVocabularyTests
{
    [Fact]
    public void Byte_level_bpe_strings_are_decoded_with_the_gpt2_table()
    {
        // "Ġ" is the GPT-2 stand-in for a space byte, "Ċ" for '\n'; "Ã©" spells the UTF-8 bytes of 'é'.
        var vocab = new Dictionary<string, int> { ["Ġ{\""] = 0, ["Ċ"] = 1, ["Ã©"] = 2, ["<|eos|>"] = 3, ["abc"] = 4 };
        var v = TokenVocabulary.FromByteLevelBpe(vocab, [3]);
        Assert.Equal(" {\""u8.ToArray(), v.GetBytes(0).ToArray());
        Assert.Equal("\n"u8.ToArray(), v.GetBytes(1).ToArray());
        Assert.Equal("é"u8.ToArray(), v.GetBytes(2).ToArray());
        Assert.True(v.GetBytes(3).IsEmpty);
        Assert.Equal(4, v.Size - 1);
        Assert.Equal([3], v.EndOfSequenceTokenIds);
    }

    [Fact]
    public void Excluded_and_special_tokens_are_never_allowed()
    {
        var tokens = new List<byte[]?> { "\""u8.ToArray(), "a"u8.ToArray(), "<s>"u8.ToArray(), null };
        var v = new TokenVocabulary(tokens, [3], excludedTokenIds: [2]);
        var c = JsonSchemaCompiler.Compile("""{"type":"string"}""").CreateConstraint(v);
        Assert.True(c.TryAdvance(0));
        var mask = new uint[v.MaskWords];
        c.ComputeMask(mask);
        Assert.Equal(0b0011u, mask[0]);
    }

    [Fact]
    public void Cl100k_vocabulary_has_the_real_size()
    {
        Assert.Equal(100277, TestVocabularies.Cl100k.Size);
        Assert.Equal("{\""u8.ToArray(), TestVocabularies.Cl100k.GetBytes(5018).ToArray());
    }
}
