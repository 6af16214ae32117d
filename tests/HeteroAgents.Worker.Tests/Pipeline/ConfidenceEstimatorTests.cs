using System.Text.Json;
using HeteroAgents.Inference;
using HeteroAgents.Testing.Chat;
using HeteroAgents.Worker.Backends;
using HeteroAgents.Worker.Options;
using HeteroAgents.Worker.Pipeline;

namespace HeteroAgents.Worker.Tests.Pipeline;

public sealed class ConfidenceEstimatorTests
{
    private static ConfidenceEstimator Estimator(LogProbConfidence mode = LogProbConfidence.MinTokenProbability) =>
        new(Microsoft.Extensions.Options.Options.Create(new WorkerOptions { LogProbConfidence = mode }));

    [Fact]
    public void Backend_confidence_wins_over_logprobs()
    {
        var response = ScriptedChatClient.CreateResponse("{}", confidence: 0.3, properties: new Dictionary<string, object?>
        {
            [ChatResponseProperties.MinTokenProbability] = 0.9,
        });

        Assert.Equal(0.3, Estimator().Estimate(response));
    }

    [Fact]
    public void Min_token_probability_is_used_when_there_is_no_backend_confidence()
    {
        var response = ScriptedChatClient.CreateResponse("{}", properties: new Dictionary<string, object?>
        {
            [ChatResponseProperties.MinTokenProbability] = 0.6,
            [ChatResponseProperties.SequenceLogProbability] = -1.0,
        });

        Assert.Equal(0.6, Estimator().Estimate(response));
    }

    [Fact]
    public void Mean_mode_uses_the_geometric_mean_token_probability()
    {
        var response = ScriptedChatClient.CreateResponse("{}", properties: new Dictionary<string, object?>
        {
            [ChatResponseProperties.MinTokenProbability] = 0.1,
            [ChatResponseProperties.SequenceLogProbability] = 4 * Math.Log(0.5),
            [WorkerChatResponseProperties.LogProbTokenCount] = 4,
        });

        Assert.Equal(0.5, Estimator(LogProbConfidence.MeanTokenProbability).Estimate(response)!.Value, 6);
    }

    [Fact]
    public void Values_read_back_as_json_elements_are_understood_and_clamped()
    {
        var response = ScriptedChatClient.CreateResponse("{}", properties: new Dictionary<string, object?>
        {
            [ChatResponseProperties.Confidence] = JsonSerializer.SerializeToElement(1.7),
        });

        Assert.Equal(1.0, Estimator().Estimate(response));
    }

    [Fact]
    public void No_confidence_and_no_logprobs_means_unknown()
    {
        Assert.Null(Estimator().Estimate(ScriptedChatClient.CreateResponse("{}")));
    }
}
