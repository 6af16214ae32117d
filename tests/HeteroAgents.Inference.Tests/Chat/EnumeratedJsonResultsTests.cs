using System.Text.Json;
using HeteroAgents.Inference.Chat;
using HeteroAgents.Inference.Generation;
using HeteroAgents.Inference.Onnx;
using HeteroAgents.Inference.Tests.TestSupport;
using Microsoft.Extensions.AI;

namespace HeteroAgents.Inference.Tests.Chat;

public sealed class EnumeratedJsonResultsTests
{
    private static readonly OnnxLanguageModel Model = TinyModel.ForClass<EnumeratedJsonResultsTests>();

    private const string Classify = """{"type":"object","properties":{"label":{"type":"string","enum":["refund","shipping","other"]}},"required":["label"],"additionalProperties":false}""";

    [Fact]
    public void A_single_required_enum_property_lists_its_results_as_compact_json()
    {
        Assert.True(EnumeratedJsonResults.TryGetCandidates(JsonDocument.Parse(Classify).RootElement, out var results));
        Assert.Equal(["{\"label\":\"refund\"}", "{\"label\":\"shipping\"}", "{\"label\":\"other\"}"], results);
    }

    [Theory]
    [InlineData("""{"type":"object","properties":{"label":{"type":"string"}},"required":["label"]}""")]
    [InlineData("""{"type":"object","properties":{"label":{"enum":["a","b"]}}}""")]
    [InlineData("""{"type":"object","properties":{"label":{"enum":["a"]},"why":{"type":"string"}},"required":["label"]}""")]
    [InlineData("""{"type":"object","properties":{"label":{"enum":["a",1]}},"required":["label"]}""")]
    [InlineData("""{"type":"object","properties":{"label":{"enum":["a"]}},"required":["label"],"additionalProperties":true}""")]
    public void Schemas_allowing_more_than_a_fixed_list_are_not_enumerated(string schema)
        => Assert.False(EnumeratedJsonResults.TryGetCandidates(JsonDocument.Parse(schema).RootElement, out _));

    [Fact]
    public async Task The_client_answers_an_enumerable_schema_with_the_most_probable_result_and_its_probability()
    {
        using var client = new OnnxChatClient(Model, new FakeJsonSchemaConstraintFactory([1], 1));
        var generator = new TextGenerator(Model);
        var messages = new[] { new ChatMessage(ChatRole.User, "my parcel never arrived") };

        var response = await client.GetResponseAsync(messages, new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(JsonDocument.Parse(Classify).RootElement) });

        EnumeratedJsonResults.TryGetCandidates(JsonDocument.Parse(Classify).RootElement, out var results);
        var prompt = generator.EncodeChat([new HeteroAgents.Inference.Templates.ChatTurn("user", "my parcel never arrived")]);
        var scores = await generator.ScoreCandidatesAsync(prompt, results);
        Assert.Equal(results[scores.Best], response.Text);
        Assert.Equal(scores.Probabilities[scores.Best], (double)response.AdditionalProperties![ChatResponseProperties.Confidence]!, 6);
    }

    [Fact]
    public async Task The_label_probability_is_the_models_own_for_the_tokens_after_the_shared_prefix()
    {
        using var client = new OnnxChatClient(Model, new FakeJsonSchemaConstraintFactory([1], 1));
        var generator = new TextGenerator(Model);
        var messages = new[] { new ChatMessage(ChatRole.User, "where is my refund") };

        var response = await client.GetResponseAsync(messages, new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(JsonDocument.Parse(Classify).RootElement) });

        EnumeratedJsonResults.TryGetCandidates(JsonDocument.Parse(Classify).RootElement, out var results);
        var prompt = generator.EncodeChat([new HeteroAgents.Inference.Templates.ChatTurn("user", "where is my refund")]);
        var tokenized = results.Select(generator.EncodeContent).ToList();
        var scores = await generator.ScoreCandidatesAsync(prompt, tokenized);
        var shared = Enumerable.Range(0, tokenized.Min(t => t.Count)).TakeWhile(i => tokenized.All(t => t[i] == tokenized[0][i])).Count();
        var expected = Math.Exp(scores.TokenLogProbabilities[scores.Best].Skip(shared).Sum());

        var label = (double)response.AdditionalProperties![ChatResponseProperties.LabelProbability]!;
        Assert.Equal(expected, label, 9);
        Assert.Equal(scores.LogProbabilities[scores.Best], scores.TokenLogProbabilities[scores.Best].Sum(), 9);
        // A random-weight model spreads its probability over the whole vocabulary: normalized over three labels the
        // best one looks likely, but the model itself hardly wants to write it.
        Assert.True(label < (double)response.AdditionalProperties![ChatResponseProperties.Confidence]!);
        Assert.InRange(label, 0, 0.01);
    }
}
