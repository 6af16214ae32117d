using System.Buffers;
using System.Numerics.Tensors;
using HeteroAgents.Decoding;

namespace HeteroAgents.Inference.Generation;

/// <summary>
/// Chooses the next token from a logits row: constraint mask, log-softmax, then greedy or temperature/top-k/top-p
/// sampling. Holds vocabulary-sized buffers rented once per request. Not thread-safe.
/// </summary>
internal sealed class TokenSampler : IDisposable
{
    private readonly int _vocab;
    private readonly float[] _work;
    private readonly float[] _probs;
    private readonly float[] _keys;
    private readonly int[] _index;
    private readonly uint[] _mask;
    private readonly Random? _random;

    public TokenSampler(int vocabularySize, int? seed, bool sampling)
    {
        _vocab = vocabularySize;
        _work = ArrayPool<float>.Shared.Rent(vocabularySize);
        _probs = ArrayPool<float>.Shared.Rent(vocabularySize);
        _keys = ArrayPool<float>.Shared.Rent(vocabularySize);
        _index = ArrayPool<int>.Shared.Rent(vocabularySize);
        _mask = ArrayPool<uint>.Shared.Rent((vocabularySize + 31) / 32);
        _random = sampling ? (seed is { } s ? new Random(s) : new Random()) : null;
    }

    /// <summary>
    /// The last selected token's log-probability under the model's own distribution, before the constraint mask
    /// (temperature 1): how much the model itself wanted the token the constraint let it write.
    /// </summary>
    public double LastRawLogProbability { get; private set; }

    /// <summary>Picks a token; returns it with its log-probability (masked distribution, temperature 1); see also <see cref="LastRawLogProbability"/>.</summary>
    public (int Token, double LogProbability) Select(ReadOnlySpan<float> logits, GenerationOptions options, ITokenConstraint? constraint, IReadOnlySet<int> stopTokens)
    {
        // Without a constraint the logits row is read in place; with one, a masked copy is made.
        ReadOnlySpan<float> work = logits[.._vocab];
        if (constraint is not null)
        {
            var masked = _work.AsSpan(0, _vocab);
            work.CopyTo(masked);
            ApplyMask(masked, constraint, stopTokens);
            work = masked;
        }

        var max = TensorPrimitives.Max(work);
        if (float.IsNegativeInfinity(max) || float.IsNaN(max))
        {
            throw new InvalidOperationException(constraint is null
                ? "The model produced no finite logits."
                : "The token constraint allows no token at this step.");
        }

        var probs = _probs.AsSpan(0, _vocab);
        TensorPrimitives.Subtract(work, max, probs);
        TensorPrimitives.Exp(probs, probs);
        var logSum = max + Math.Log(TensorPrimitives.Sum(probs));
        int token;
        if (_random is null || options.Temperature == 0)
        {
            token = TensorPrimitives.IndexOfMax(work);
        }
        else
        {
            if (options.Temperature != 1f)
            {
                TensorPrimitives.Subtract(work, max, probs);
                TensorPrimitives.Divide(probs, options.Temperature, probs);
                TensorPrimitives.Exp(probs, probs);
            }

            token = options.TopK > 0 || options.TopP < 1f ? SampleTruncated(probs, options.TopK, options.TopP) : SampleAll(probs);
        }

        var logProbability = work[token] - logSum;
        LastRawLogProbability = constraint is null ? logProbability : RawLogProbability(logits[.._vocab], token);
        return (token, logProbability);
    }

    private double RawLogProbability(ReadOnlySpan<float> logits, int token)
    {
        var max = TensorPrimitives.Max(logits);
        var scratch = _keys.AsSpan(0, _vocab);
        TensorPrimitives.Subtract(logits, max, scratch);
        TensorPrimitives.Exp(scratch, scratch);
        return logits[token] - (max + Math.Log(TensorPrimitives.Sum(scratch)));
    }

    public void Dispose()
    {
        ArrayPool<float>.Shared.Return(_work);
        ArrayPool<float>.Shared.Return(_probs);
        ArrayPool<float>.Shared.Return(_keys);
        ArrayPool<int>.Shared.Return(_index);
        ArrayPool<uint>.Shared.Return(_mask);
    }

    private void ApplyMask(Span<float> work, ITokenConstraint constraint, IReadOnlySet<int> stopTokens)
    {
        var words = _mask.AsSpan(0, (_vocab + 31) / 32);
        words.Clear();
        constraint.ComputeMask(words);
        var accepting = constraint.IsAccepting;
        foreach (var stop in stopTokens)
        {
            if ((uint)stop < (uint)_vocab)
            {
                if (accepting)
                {
                    words[stop >> 5] |= 1u << (stop & 31);
                }
                else
                {
                    words[stop >> 5] &= ~(1u << (stop & 31));
                }
            }
        }

        for (var w = 0; w < words.Length; w++)
        {
            var bits = words[w];
            if (bits == uint.MaxValue)
            {
                continue;
            }

            var start = w * 32;
            var end = Math.Min(start + 32, _vocab);
            for (var t = start; t < end; t++)
            {
                if ((bits & (1u << (t - start))) == 0)
                {
                    work[t] = float.NegativeInfinity;
                }
            }
        }
    }

    private int SampleAll(ReadOnlySpan<float> probs)
    {
        var u = _random!.NextDouble() * TensorPrimitives.Sum(probs);
        var acc = 0.0;
        var last = 0;
        for (var i = 0; i < probs.Length; i++)
        {
            if (probs[i] > 0)
            {
                acc += probs[i];
                last = i;
                if (acc > u)
                {
                    return i;
                }
            }
        }

        return last;
    }

    /// <summary>
    /// Top-k then top-p over the renormalized top-k set. Only tokens above a threshold that provably contains the
    /// kept set are sorted, so a step costs a few passes over the vocabulary instead of a full sort.
    /// </summary>
    private int SampleTruncated(ReadOnlySpan<float> probs, int topK, float topP)
    {
        var total = TensorPrimitives.Sum(probs);
        var threshold = TensorPrimitives.Max(probs) / 1024f;
        int count;
        while (true)
        {
            count = 0;
            var mass = 0.0;
            for (var i = 0; i < probs.Length; i++)
            {
                if (probs[i] >= threshold && probs[i] > 0)
                {
                    _keys[count] = -probs[i];
                    _index[count++] = i;
                    mass += probs[i];
                }
            }

            if ((topK > 0 && count >= topK) || (topP < 1f && mass >= topP * total) || threshold == 0)
            {
                break;
            }

            threshold = threshold < 1e-30f ? 0 : threshold / 1024f;
        }

        Array.Sort(_keys, _index, 0, count);
        if (topK > 0)
        {
            count = Math.Min(count, topK);
        }

        var keptMass = 0.0;
        for (var i = 0; i < count; i++)
        {
            keptMass -= _keys[i];
        }

        if (topP < 1f)
        {
            var cumulative = 0.0;
            for (var i = 0; i < count; i++)
            {
                cumulative -= _keys[i];
                if (cumulative >= topP * keptMass)
                {
                    count = i + 1;
                    keptMass = cumulative;
                    break;
                }
            }
        }

        var u = _random!.NextDouble() * keptMass;
        var acc = 0.0;
        for (var i = 0; i < count; i++)
        {
            acc -= _keys[i];
            if (acc > u)
            {
                return _index[i];
            }
        }

        return _index[count - 1];
    }
}
