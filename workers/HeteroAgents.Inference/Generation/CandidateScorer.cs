using System.Numerics.Tensors;
using HeteroAgents.Inference.Onnx;

namespace HeteroAgents.Inference.Generation;

/// <summary>
/// Exact candidate scoring: the prompt is run once; its cache is copied to a batch with one row per candidate, and
/// all candidates' tokens (right-padded) go through one forward pass. Causal attention means padding never affects
/// real positions, so each row's log-probabilities are exact.
/// </summary>
internal static class CandidateScorer
{
    /// <summary>Checks the candidates against the vocabulary and the context window (before anything runs).</summary>
    public static void Validate(OnnxLanguageModel model, int promptLength, IReadOnlyList<IReadOnlyList<int>> candidates)
    {
        if (candidates.Count == 0)
        {
            throw new ArgumentException("At least one candidate is required.", nameof(candidates));
        }

        var maxLength = 0;
        for (var c = 0; c < candidates.Count; c++)
        {
            if (candidates[c] is null || candidates[c].Count == 0)
            {
                throw new ArgumentException($"Candidate {c} has no tokens.", nameof(candidates));
            }

            if (candidates[c].Any(t => (uint)t >= (uint)model.VocabularySize))
            {
                throw new ArgumentOutOfRangeException(nameof(candidates), $"Candidate {c} has a token id outside the vocabulary of {model.VocabularySize}.");
            }

            maxLength = Math.Max(maxLength, candidates[c].Count);
        }

        if (promptLength + maxLength > model.ContextWindow)
        {
            throw new ContextWindowExceededException(promptLength + maxLength, model.ContextWindow);
        }
    }

    /// <summary>Scores the candidates after a prompt whose cache is in <paramref name="prefix"/> (a single sequence, last logits row current).</summary>
    public static CandidateScores ScorePrefilled(OnnxLanguageModel model, DecoderState prefix, IReadOnlyList<IReadOnlyList<int>> candidates, CancellationToken cancellationToken)
    {
        var maxLength = candidates.Max(c => c.Count);
        var logProbs = candidates.Select(c => new double[c.Count]).ToArray();
        var first = prefix.Row(0, prefix.RowsPerSequence - 1);
        var firstLogSum = LogSumExp(first);
        for (var c = 0; c < candidates.Count; c++)
        {
            logProbs[c][0] = first[candidates[c][0]] - firstLogSum;
        }

        if (maxLength > 1)
        {
            if (model.Signature.DynamicBatch && model.Signature.BatchedContinuation && !model.Signature.LogitsLastOnly)
            {
                ScoreBatched(model, prefix, candidates, maxLength, logProbs, cancellationToken);
            }
            else
            {
                ScoreOneByOne(model, prefix, candidates, logProbs, cancellationToken);
            }
        }

        return CandidateScores.FromTokenLogProbabilities(logProbs);
    }

    internal static double LogSumExp(ReadOnlySpan<float> row)
    {
        var max = TensorPrimitives.Max(row);
        var sum = 0.0;
        foreach (var v in row)
        {
            sum += Math.Exp(v - max);
        }

        return max + Math.Log(sum);
    }

    private static void ScoreBatched(OnnxLanguageModel model, DecoderState prefix, IReadOnlyList<IReadOnlyList<int>> candidates, int maxLength, double[][] logProbs, CancellationToken cancellationToken)
    {
        var width = maxLength - 1;
        using var batch = model.CreateState(candidates.Count, prefix.PastLength + width, width);
        batch.CopyPrefixFrom(prefix);
        var tokens = new int[candidates.Count * width];
        for (var c = 0; c < candidates.Count; c++)
        {
            var cand = candidates[c];
            for (var j = 0; j < width; j++)
            {
                tokens[(c * width) + j] = j < cand.Count - 1 ? cand[j] : cand[^1];
            }
        }

        batch.Forward(tokens, width, cancellationToken);
        for (var c = 0; c < candidates.Count; c++)
        {
            var cand = candidates[c];
            for (var j = 0; j < cand.Count - 1; j++)
            {
                var row = batch.Row(c, j);
                logProbs[c][j + 1] = row[cand[j + 1]] - LogSumExp(row);
            }
        }
    }

    private static void ScoreOneByOne(OnnxLanguageModel model, DecoderState prefix, IReadOnlyList<IReadOnlyList<int>> candidates, double[][] logProbs, CancellationToken cancellationToken)
    {
        var lastOnly = model.Signature.LogitsLastOnly;
        for (var c = 0; c < candidates.Count; c++)
        {
            var cand = candidates[c];
            var width = cand.Count - 1;
            if (width == 0)
            {
                continue;
            }

            using var state = model.CreateState(1, prefix.PastLength + width, lastOnly ? 1 : width);
            state.CopyPrefixFrom(prefix);
            var tokens = cand.Take(width).ToArray();
            if (lastOnly)
            {
                for (var j = 0; j < width; j++)
                {
                    state.Forward(tokens.AsSpan(j, 1), 1, cancellationToken);
                    var row = state.Row(0, 0);
                    logProbs[c][j + 1] = row[cand[j + 1]] - LogSumExp(row);
                }
            }
            else
            {
                state.Forward(tokens, width, cancellationToken);
                for (var j = 0; j < width; j++)
                {
                    var row = state.Row(0, j);
                    logProbs[c][j + 1] = row[cand[j + 1]] - LogSumExp(row);
                }
            }
        }
    }
}
