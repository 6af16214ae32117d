using HeteroAgents.Contracts;
using HeteroAgents.Inference;
using HeteroAgents.Testing.Chat;
using HeteroAgents.Testing.Tasks;
using HeteroAgents.Worker.Confidence;
using HeteroAgents.Worker.Options;
using HeteroAgents.Worker.Pipeline;
using Microsoft.Extensions.AI;

namespace HeteroAgents.Worker.Tests.Confidence;

public sealed class TaskConfidenceEstimatorTests
{
    private static TaskConfidenceEstimator Estimator(LogProbConfidence mode = LogProbConfidence.MinTokenProbability)
    {
        var options = Microsoft.Extensions.Options.Options.Create(new WorkerOptions { LogProbConfidence = mode });
        return new TaskConfidenceEstimator(new ConfidenceEstimator(options), options);
    }

    // A response whose text is written by the given tokens, each with its probability.
    private static ChatResponse Tokens(params (string Text, double P)[] tokens)
    {
        var response = ScriptedChatClient.CreateResponse(string.Concat(tokens.Select(t => t.Text)));
        response.AdditionalProperties = new()
        {
            [ChatResponseProperties.TokenLogProbabilities] = tokens.Select(t => new TokenLogProbability(t.Text, Math.Log(t.P))).ToArray(),
            [ChatResponseProperties.MinTokenProbability] = tokens.Min(t => t.P),
        };
        return response;
    }

    private static System.Text.Json.JsonElement? Parsed(ChatResponse response) =>
        ResultParser.TryParse(response.Text, out var result, out _) ? result : null;

    [Fact]
    public void Classify_takes_the_backends_label_probability_when_it_reports_one()
    {
        var response = ScriptedChatClient.CreateResponse("""{"label":"refund"}""", confidence: 0.83);

        var estimate = Estimator().Estimate(SampleTasks.Classify(), response, Parsed(response));

        Assert.Equal(new ConfidenceEstimate(0.83, ConfidenceSources.Backend), estimate);
    }

    [Fact]
    public void Classify_otherwise_takes_the_probability_of_the_labels_tokens_not_of_the_json_around_it()
    {
        var response = Tokens(("{\"label\":", 0.2), ("\"ref", 0.9), ("und\"", 0.8), ("}", 0.1));

        var estimate = Estimator().Estimate(SampleTasks.Classify(), response, Parsed(response));

        Assert.Equal(ConfidenceSources.LabelTokens, estimate.Source);
        Assert.Equal(0.9 * 0.8, estimate.Value!.Value, 9);
        Assert.Equal(0.72, estimate.Fields!["$.label"], 9);
    }

    [Fact]
    public void Extract_gets_a_confidence_per_value_and_the_weakest_for_the_task()
    {
        var response = Tokens(("{\"order\":\"", 0.99), ("A-1", 0.95), ("\",\"qty\":", 0.99), ("3", 0.4), (",\"ok\":", 0.99), ("true", 0.9), ("}", 0.99));
        var task = SampleTasks.Extract("Order A-1, 3 items", """{"type":"object"}""");

        var estimate = Estimator().Estimate(task, response, Parsed(response));

        Assert.Equal(ConfidenceSources.ValueTokens, estimate.Source);
        Assert.Equal(0.4, estimate.Value!.Value, 9);
        Assert.Equal(["$.order", "$.qty", "$.ok"], estimate.Fields!.Keys);
        Assert.Equal(0.95, estimate.Fields["$.order"], 9); // the weakest of '{"order":"' 0.99, 'A-1' 0.95, '","qty":' 0.99
    }

    [Fact]
    public void Per_value_confidence_can_be_the_geometric_mean_of_the_values_tokens()
    {
        var response = Tokens(("{\"name\":\"", 0.99), ("cancel", 0.5), ("_order", 0.98), ("\",\"arguments\":{}}", 0.99));

        var estimate = Estimator(LogProbConfidence.MeanTokenProbability).Estimate(SampleTasks.ToolCall(), response, Parsed(response));

        Assert.Equal(Math.Pow(0.99 * 0.5 * 0.98 * 0.99, 0.25), estimate.Fields!["$.name"], 9);
    }

    [Fact]
    public void Summarize_is_the_summarys_grounding_score()
    {
        var task = SampleTasks.Summarize(maxWords: 20);
        var response = ScriptedChatClient.CreateResponse("""{"summary":"Blue kettle arrived broken; courier promised tomorrow."}""", confidence: 0.99);

        var estimate = Estimator().Estimate(task, response, Parsed(response));

        Assert.Equal(ConfidenceSources.Grounding, estimate.Source);
        Assert.Equal(4.0 / 7, estimate.Value!.Value, 9); // blue, kettle, arrived, broken of 7 content words
    }

    [Fact]
    public void Tokens_that_do_not_write_the_text_fall_back_to_the_whole_responses_figure()
    {
        var response = Tokens(("{\"label\":\"refund\"}", 0.6));
        response.Messages[0].Contents = [new TextContent("""{"label": "refund"}""")];

        var estimate = Estimator().Estimate(SampleTasks.Classify(), response, Parsed(response));

        Assert.Equal(new ConfidenceEstimate(0.6, ConfidenceSources.ResponseTokens), estimate);
    }

    [Fact]
    public void Without_probabilities_the_confidence_is_unknown()
    {
        var response = ScriptedChatClient.CreateResponse("""{"order_number":"A-1234"}""");

        Assert.Equal(ConfidenceEstimate.Unknown, Estimator().Estimate(SampleTasks.Extract(), response, Parsed(response)));
        Assert.Equal(ConfidenceEstimate.Unknown, Estimator().Estimate(SampleTasks.Summarize(), response, null));
    }
}
