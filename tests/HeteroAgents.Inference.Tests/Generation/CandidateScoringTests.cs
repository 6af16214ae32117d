using HeteroAgents.Inference.Generation;
using HeteroAgents.Inference.Onnx;
using HeteroAgents.Inference.Templates;
using HeteroAgents.Inference.Tests.TestSupport;

namespace HeteroAgents.Inference.Tests.Generation;

public sealed class CandidateScoringTests
{
    private static readonly TextGenerator Generator = new(TinyModel.Shared);

    [Fact]
    public async Task Normalized_probabilities_sum_to_one_and_match_the_product_of_step_probabilities()
    {
        var prompt = Generator.EncodeChat([new ChatTurn("user", "Is this refund, shipping or other?")]);
        string[] labels = ["refund", "shipping", "other", "shipping address change"];
        var candidates = labels.Select(l => TinyModel.Shared.Tokenizer.Encode(l)).ToArray();
        Assert.Contains(candidates, c => c.Count > 2);

        var scores = await Generator.ScoreCandidatesAsync(prompt, candidates);

        Assert.Equal(1.0, scores.Probabilities.Sum(), 9);
        for (var c = 0; c < candidates.Length; c++)
        {
            Assert.Equal(StepwiseLogProbability(prompt, candidates[c]), scores.LogProbabilities[c], 4);
        }

        var expected = scores.LogProbabilities.Select(Math.Exp).ToArray();
        for (var c = 0; c < candidates.Length; c++)
        {
            Assert.Equal(expected[c] / expected.Sum(), scores.Probabilities[c], 9);
        }

        Assert.Equal(Array.IndexOf(expected, expected.Max()), scores.Best);
    }

    [Fact]
    public async Task Text_candidates_and_single_token_candidates_are_scored()
    {
        var prompt = TinyModel.Shared.Tokenizer.Encode("Answer yes or no:");

        var scores = await Generator.ScoreCandidatesAsync(prompt, new[] { "y", "n" });

        Assert.Equal(2, scores.Probabilities.Count);
        Assert.Equal(StepwiseLogProbability(prompt, TinyModel.Shared.Tokenizer.Encode("y")), scores.LogProbabilities[0], 4);
    }

    public static TheoryData<string> ScoringVariants => new() { "tiny", "tiny-fused", "tiny-fused-int8" };

    [Theory]
    [MemberData(nameof(ScoringVariants))]
    public async Task Json_answers_with_a_common_start_score_as_feeding_them_token_by_token(string variant)
    {
        // The fused variants keep their cache in one shared buffer: scoring runs the common {"label":" once on the
        // prompt's own state and rewinds to it for each candidate; the plain one scores a batch of copies.
        var model = variant == "tiny" ? TinyModel.Shared : TinyModel.Variant(variant);
        Assert.Equal(variant != "tiny", model.Signature.SharedBuffer);
        var generator = new TextGenerator(model);
        var prompt = model.Tokenizer.Encode("Ticket: my parcel never arrived. Which team?");
        string[] answers = ["{\"label\":\"refund\"}", "{\"label\":\"shipping\"}", "{\"label\":\"other\"}", "{\"label\":\"shipping address change\"}"];
        var candidates = answers.Select(a => model.Tokenizer.Encode(a)).ToArray();
        Assert.True(candidates.All(c => c.Take(3).SequenceEqual(candidates[0].Take(3))), "the answers should share their first tokens");

        var first = await generator.ScoreCandidatesAsync(prompt, candidates);
        var again = await generator.ScoreCandidatesAsync(prompt, candidates);

        for (var c = 0; c < candidates.Length; c++)
        {
            var expected = StepwiseLogProbability(model, prompt, candidates[c]);
            Assert.Equal(expected, first.LogProbabilities[c], 4);
            Assert.Equal(expected, again.LogProbabilities[c], 4); // the prompt now comes from the prefix cache
        }
    }

    [Fact]
    public async Task Empty_candidate_is_rejected_naming_its_index()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => Generator.ScoreCandidatesAsync([1, 2], new IReadOnlyList<int>[] { [5], [] }));

        Assert.Contains("Candidate 1", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Reference: run the prompt as a prompt chunk (as the scheduler does; on a quantized model's float32 prompt session),
    /// then feed the candidate one token at a time, summing log-softmax.
    /// </summary>
    private static double StepwiseLogProbability(IReadOnlyList<int> prompt, IReadOnlyList<int> candidate) =>
        StepwiseLogProbability(TinyModel.Shared, prompt, candidate);

    private static double StepwiseLogProbability(OnnxLanguageModel model, IReadOnlyList<int> prompt, IReadOnlyList<int> candidate)
    {
        using var state = model.CreateState(1, prompt.Count + candidate.Count, chunk: prompt.Count);
        state.Forward(prompt.ToArray(), prompt.Count, CancellationToken.None, lastPositionOnly: true);
        var row = state.Row(0, state.RowsPerSequence - 1);
        var total = row[candidate[0]] - CandidateScorer.LogSumExp(row);
        for (var j = 1; j < candidate.Count; j++)
        {
            state.Forward([candidate[j - 1]], 1, CancellationToken.None);
            row = state.Row(0, 0);
            total += row[candidate[j]] - CandidateScorer.LogSumExp(row);
        }

        return total;
    }
}
