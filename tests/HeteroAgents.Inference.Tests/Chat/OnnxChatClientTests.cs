using System.Text.Json;
using HeteroAgents.Inference.Chat;
using HeteroAgents.Inference.Generation;
using HeteroAgents.Inference.Onnx;
using HeteroAgents.Inference.Templates;
using HeteroAgents.Inference.Tests.TestSupport;
using Microsoft.Extensions.AI;

namespace HeteroAgents.Inference.Tests.Chat;

public sealed class OnnxChatClientTests
{
    private static readonly OnnxLanguageModel Model = TinyModel.ForClass<OnnxChatClientTests>();

    private static readonly ChatMessage[] Messages = [new(ChatRole.System, "Answer briefly."), new(ChatRole.User, "Where is my parcel?")];

    [Fact]
    public async Task Response_matches_the_generator_and_reports_usage_and_confidence()
    {
        using var client = new OnnxChatClient(Model);
        var generator = new TextGenerator(Model);
        var prompt = generator.EncodeChat([new ChatTurn("system", "Answer briefly."), new ChatTurn("user", "Where is my parcel?")]);
        var expected = await generator.GenerateAsync(prompt, new GenerationOptions { MaxTokens = 12 });

        var response = await client.GetResponseAsync(Messages, new ChatOptions { MaxOutputTokens = 12 });

        Assert.Equal(expected.Text, response.Text);
        Assert.Equal(prompt.Count, response.Usage!.InputTokenCount);
        Assert.Equal(expected.Tokens.Count, response.Usage.OutputTokenCount);
        Assert.Equal(prompt.Count + expected.Tokens.Count, response.Usage.TotalTokenCount);
        var props = response.AdditionalProperties!;
        Assert.Equal(expected.SequenceLogProbability, (double)props[ChatResponseProperties.SequenceLogProbability]!, 9);
        var min = (double)props[ChatResponseProperties.MinTokenProbability]!;
        Assert.Equal(expected.MinTokenProbability, min, 9);
        Assert.False(props.ContainsKey(ChatResponseProperties.Confidence));
        Assert.Equal(expected.FinishReason == GenerationFinishReason.Length ? ChatFinishReason.Length : ChatFinishReason.Stop, response.FinishReason);
    }

    [Fact]
    public async Task Streaming_yields_the_same_text_and_ends_with_usage()
    {
        using var client = new OnnxChatClient(Model);
        var options = new ChatOptions { MaxOutputTokens = 10 };
        var whole = await client.GetResponseAsync(Messages, options);

        var updates = new List<ChatResponseUpdate>();
        await foreach (var u in client.GetStreamingResponseAsync(Messages, options))
        {
            updates.Add(u);
        }

        Assert.Equal(whole.Text, string.Concat(updates.Select(u => u.Text)));
        var usage = Assert.Single(updates.SelectMany(u => u.Contents).OfType<UsageContent>());
        Assert.Equal(whole.Usage!.OutputTokenCount, usage.Details.OutputTokenCount);
        Assert.Equal(whole.FinishReason, updates[^1].FinishReason);
        Assert.True(updates[^1].AdditionalProperties!.ContainsKey(ChatResponseProperties.MinTokenProbability));
    }

    [Fact]
    public async Task Json_schema_response_format_goes_through_the_constraint_factory()
    {
        var allowed = new[] { 10, 20, 30 };
        var factory = new FakeJsonSchemaConstraintFactory(allowed, 4);
        using var client = new OnnxChatClient(Model, factory);
        using var schema = JsonDocument.Parse("""{"type":"object","properties":{"label":{"enum":["a","b"]}}}""");

        var response = await client.GetResponseAsync(Messages, new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(schema.RootElement, "label") });

        Assert.Equal(schema.RootElement.GetRawText(), Assert.Single(factory.Schemas));
        Assert.Equal(4, response.Usage!.OutputTokenCount);
        Assert.Equal(Model.Tokenizer.Decode(Model.Tokenizer.Encode(response.Text)), response.Text);
        Assert.All(Model.Tokenizer.Encode(response.Text), id => Assert.Contains(id, allowed));
    }

    [Fact]
    public async Task Json_schema_without_a_constraint_factory_is_refused_clearly()
    {
        using var client = new OnnxChatClient(Model);
        using var schema = JsonDocument.Parse("""{"type":"object"}""");

        var ex = await Assert.ThrowsAsync<NotSupportedException>(() => client.GetResponseAsync(Messages, new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(schema.RootElement) }));

        Assert.Contains(nameof(IJsonSchemaConstraintFactory), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Candidates_option_answers_with_the_most_probable_label_and_its_normalized_probability()
    {
        using var client = new OnnxChatClient(Model);
        string[] labels = ["refund", "shipping", "other"];
        var generator = new TextGenerator(Model);
        var prompt = generator.EncodeChat([new ChatTurn("system", "Answer briefly."), new ChatTurn("user", "Where is my parcel?")]);
        var scores = await generator.ScoreCandidatesAsync(prompt, labels);

        var response = await client.GetResponseAsync(Messages, new ChatOptions { AdditionalProperties = new() { [HeteroAgents.Inference.ChatOptionsProperties.Candidates] = labels } });

        Assert.Equal(labels[scores.Best], response.Text);
        Assert.Equal(scores.Probabilities[scores.Best], (double)response.AdditionalProperties![ChatResponseProperties.Confidence]!, 9);
        Assert.Equal(Model.Tokenizer.Encode(labels[scores.Best]).Count, response.Usage!.OutputTokenCount);
    }

    [Fact]
    public void Exposes_metadata_and_the_model()
    {
        using var client = new OnnxChatClient(Model);

        Assert.Equal("onnxruntime", client.GetService<ChatClientMetadata>()!.ProviderName);
        Assert.Same(Model, client.GetService<HeteroAgents.Inference.Onnx.OnnxLanguageModel>());
    }
}
