using System.Numerics.Tensors;
using HeteroAgents.Inference.Generation;
using HeteroAgents.Inference.Models;
using HeteroAgents.Inference.Templates;
using HeteroAgents.Inference.Tests.TestSupport;

namespace HeteroAgents.Inference.Tests.Onnx;

/// <summary>The same guarantees on the other graph shapes the model maker writes: Qwen2 (biases, tied head), fused ORT contrib ops, int8 weights.</summary>
public sealed class ModelVariantTests
{
    [Theory]
    [InlineData("tiny-qwen2")]
    [InlineData("tiny-fused")]
    [InlineData("tiny-int8")]
    [InlineData("tiny-fused-int8")]
    public async Task Greedy_with_kv_cache_equals_recomputation(string variant)
    {
        var model = TinyModel.Variant(variant);
        var generator = new TextGenerator(model);
        var prompt = generator.EncodeChat([new ChatTurn("user", "Summarize: the parcel was late again.")]);

        var result = await generator.GenerateAsync(prompt, new GenerationOptions { MaxTokens = 12, StopTokenIds = [] });

        var sequence = prompt.ToList();
        foreach (var step in result.Tokens)
        {
            using var fresh = model.CreateState(1, sequence.Count, chunk: sequence.Count);
            fresh.Forward(sequence.ToArray(), sequence.Count, CancellationToken.None);
            Assert.Equal(TensorPrimitives.IndexOfMax(fresh.Row(0, sequence.Count - 1)), step.TokenId);
            sequence.Add(step.TokenId);
        }
    }

    [Theory]
    [InlineData("tiny-qwen2")]
    [InlineData("tiny-fused")]
    public async Task Candidate_scores_match_stepwise_probabilities(string variant)
    {
        var model = TinyModel.Variant(variant);
        var generator = new TextGenerator(model);
        var prompt = model.Tokenizer.Encode("Label the ticket:");
        var candidates = new[] { "refund request", "shipping", "other things" }.Select(model.Tokenizer.Encode).ToArray();

        var scores = await generator.ScoreCandidatesAsync(prompt, candidates);

        Assert.Equal(1.0, scores.Probabilities.Sum(), 9);
        for (var c = 0; c < candidates.Length; c++)
        {
            using var state = model.CreateState(1, prompt.Count + candidates[c].Count, chunk: prompt.Count);
            state.Forward(prompt.ToArray(), prompt.Count, CancellationToken.None);
            var expected = 0.0;
            for (var j = 0; j < candidates[c].Count; j++)
            {
                var row = state.Row(0, state.RowsPerSequence - 1);
                expected += row[candidates[c][j]] - CandidateScorer.LogSumExp(row);
                state.Forward([candidates[c][j]], 1, CancellationToken.None);
            }

            Assert.Equal(expected, scores.LogProbabilities[c], 4);
        }
    }

    [Theory]
    [InlineData("tiny")]
    [InlineData("tiny-qwen2")]
    [InlineData("tiny-fused")]
    [InlineData("tiny-fused-int8")]
    public void Last_position_only_prefill_equals_the_full_prefill_and_continues_the_same(string variant)
    {
        var model = variant == "tiny" ? TinyModel.Shared : TinyModel.Variant(variant);
        Assert.Equal("logits_to_keep", model.Signature.LogitsToKeep);
        var prompt = model.Tokenizer.Encode("Label the ticket: the parcel was late again.").ToArray();
        using var all = model.CreateState(1, prompt.Length + 1, chunk: prompt.Length);
        using var last = model.CreateState(1, prompt.Length + 1, chunk: prompt.Length);

        all.Forward(prompt, prompt.Length, CancellationToken.None);
        last.Forward(prompt, prompt.Length, CancellationToken.None, lastPositionOnly: true);

        Assert.Equal(prompt.Length, all.RowsPerSequence);
        Assert.Equal(1, last.RowsPerSequence);
        Assert.InRange(MaxDifference(all.Row(0, prompt.Length - 1), last.Row(0, 0)), 0f, 1e-4f);
        var next = TensorPrimitives.IndexOfMax(last.Row(0, 0));
        all.Forward([next], 1, CancellationToken.None);
        last.Forward([next], 1, CancellationToken.None);
        Assert.InRange(MaxDifference(all.Row(0, 0), last.Row(0, 0)), 0f, 1e-4f);
    }

    [Fact]
    public void Qwen2_family_is_detected_with_the_qwen25_template()
    {
        var model = TinyModel.Variant("tiny-qwen2");

        Assert.Equal(ModelFamily.Qwen2, model.Config.Family);
        Assert.Equal("qwen2.5", model.ChatTemplate.Name);
    }

    [Fact]
    public void Fused_graph_disables_batched_continuation()
    {
        Assert.False(TinyModel.Variant("tiny-fused").Signature.BatchedContinuation);
        Assert.True(TinyModel.Shared.Signature.BatchedContinuation);
    }

    /// <summary>The largest |a − b| over the two rows.</summary>
    private static float MaxDifference(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        Assert.Equal(a.Length, b.Length);
        var difference = new float[a.Length];
        TensorPrimitives.Subtract(a, b, difference);
        return TensorPrimitives.MaxMagnitude(difference);
    }
}
