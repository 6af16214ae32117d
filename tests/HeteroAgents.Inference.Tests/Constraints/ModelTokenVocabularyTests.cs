using System.Text;
using HeteroAgents.Inference.Constraints;
using HeteroAgents.Inference.Tests.TestSupport;

namespace HeteroAgents.Inference.Tests.Constraints;

public sealed class ModelTokenVocabularyTests
{
    [Theory]
    [InlineData("{\"order_id\":\"US-145372\",\"city\":\"München\"}")]
    [InlineData("Where is my parcel? It's late 🙁")]
    public void The_bytes_of_the_tokens_of_a_text_spell_that_text(string text)
    {
        var model = TinyModel.Shared;
        var vocabulary = ModelTokenVocabulary.For(model);

        var bytes = model.Tokenizer.Encode(text).SelectMany(id => vocabulary.GetBytes(id).ToArray()).ToArray();

        Assert.Equal(Encoding.UTF8.GetBytes(text), bytes);
    }

    [Fact]
    public void Special_tokens_are_never_allowed_and_stop_tokens_end_the_output()
    {
        var model = TinyModel.Shared;
        var vocabulary = ModelTokenVocabulary.For(model);

        Assert.Equal(model.VocabularySize, vocabulary.Size);
        Assert.NotEmpty(model.Tokenizer.SpecialTokens);
        foreach (var id in model.Tokenizer.SpecialTokens.Values)
        {
            Assert.True(vocabulary.GetBytes(id).IsEmpty, $"special token {id} has bytes");
        }

        Assert.Equal(model.StopTokenIds.Order(), vocabulary.EndOfSequenceTokenIds.Order());
        Assert.Same(vocabulary, ModelTokenVocabulary.For(model));
    }
}
