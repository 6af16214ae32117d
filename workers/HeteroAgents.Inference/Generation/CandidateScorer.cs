using System.Buffers;
using System.Numerics.Tensors;
using HeteroAgents.Inference.Onnx;

namespace HeteroAgents.Inference.Generation;

/// <summary>
/// Exact candidate scoring: the prompt is run once. With a shared-buffer cache (the fused graph) the candidates then run
/// on the prompt's own state, their common first tokens once, each rest from the branch point; otherwise the prompt's
/// cache is copied to a batch with one row per candidate and all candidates' tokens (right-padded) go through one
/// forward pass (causal attention means padding never affects real positions), or one candidate at a time.
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

    /// <summary>
    /// Scores the candidates after a prompt whose cache is in <paramref name="prefix"/> (a single sequence, last logits row
    /// current). The prefix state may be extended and rewound here: the caller discards it afterwards.
    /// </summary>
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
            var room = PositionsAfterPrompt(candidates);
            if (model.Signature.SharedBuffer && !model.Signature.LogitsLastOnly && prefix.Capacity >= prefix.PastLength + room && prefix.Chunk >= room)
            {
                ScoreInPlace(prefix, candidates, logProbs, cancellationToken);
            }
            else if (model.Signature.DynamicBatch && model.Signature.BatchedContinuation && !model.Signature.LogitsLastOnly)
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

    /// <summary>Cache positions the candidates take after the prompt (all of a candidate's tokens but its last are inputs).</summary>
    internal static int PositionsAfterPrompt(IReadOnlyList<IReadOnlyList<int>> candidates) => candidates.Max(c => c.Count) - 1;

    /// <summary>log Σ exp(row), vectorized (one row of a 49,152-token vocabulary: ~20 µs instead of ~0.3 ms with Math.Exp).</summary>
    internal static double LogSumExp(ReadOnlySpan<float> row)
    {
        var max = TensorPrimitives.Max(row);
        var scratch = ArrayPool<float>.Shared.Rent(row.Length);
        try
        {
            var shifted = scratch.AsSpan(0, row.Length);
            TensorPrimitives.Subtract(row, max, shifted);
            TensorPrimitives.Exp(shifted, shifted);
            return max + Math.Log(TensorPrimitives.Sum<float>(shifted));
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scratch);
        }
    }

    /// <summary>
    /// Scores on the prompt's own (shared-buffer) state, which the caller gives up: the tokens all candidates start with
    /// run once (a classify answer's <c>{"label":"</c>), then each candidate's rest runs from there and the state is
    /// rewound to the branch point for the next. No copy of the prompt's cache, no shared position computed twice.
    /// </summary>
    private static void ScoreInPlace(DecoderState state, IReadOnlyList<IReadOnlyList<int>> candidates, double[][] logProbs, CancellationToken cancellationToken)
    {
        // Inputs of candidate c are its tokens but the last; the first `shared` inputs are the same for every candidate.
        var shared = candidates.Min(c => c.Count - 1);
        for (var j = 0; j < shared; j++)
        {
            var token = candidates[0][j];
            if (candidates.Any(c => c[j] != token))
            {
                shared = j;
                break;
            }
        }

        if (shared > 0)
        {
            state.Forward([.. candidates[0].Take(shared)], shared, cancellationToken);
            for (var j = 0; j < shared; j++)
            {
                var row = state.Row(0, j);
                var logSum = LogSumExp(row);
                for (var c = 0; c < candidates.Count; c++)
                {
                    logProbs[c][j + 1] = row[candidates[c][j + 1]] - logSum;
                }
            }
        }

        var branch = state.PastLength;
        for (var c = 0; c < candidates.Count; c++)
        {
            var cand = candidates[c];
            var width = cand.Count - 1 - shared;
            if (width == 0)
            {
                continue;
            }

            state.Rewind(branch);
            state.Forward([.. cand.Skip(shared).Take(width)], width, cancellationToken);
            for (var j = 0; j < width; j++)
            {
                var row = state.Row(0, j);
                logProbs[c][shared + j + 1] = row[cand[shared + j + 1]] - LogSumExp(row);
            }
        }
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
