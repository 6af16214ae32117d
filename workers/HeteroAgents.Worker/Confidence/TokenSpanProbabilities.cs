using HeteroAgents.Inference;

namespace HeteroAgents.Worker.Confidence;

/// <summary>
/// Places a response's generated tokens (<see cref="ChatResponseProperties.TokenLogProbabilities"/>) on its text, so
/// that a stretch of the text — one JSON value — gets the probabilities of the tokens that wrote it. A token belongs to
/// a stretch when the characters it wrote overlap it; a token that wrote no character (part of a multi-byte
/// character) belongs with the next character written.
/// </summary>
public sealed class TokenSpanProbabilities
{
    private readonly int[] _starts;
    private readonly int[] _ends;
    private readonly double[] _logProbabilities;

    private TokenSpanProbabilities(int[] starts, int[] ends, double[] logProbabilities)
    {
        _starts = starts;
        _ends = ends;
        _logProbabilities = logProbabilities;
    }

    /// <summary>
    /// Places <paramref name="tokens"/> on <paramref name="text"/>; null when their texts do not concatenate to it
    /// (the backend reported tokens of another text, or only some of them).
    /// </summary>
    public static TokenSpanProbabilities? Create(string text, IReadOnlyList<TokenLogProbability> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        if (tokens.Count == 0)
        {
            return null;
        }

        var starts = new int[tokens.Count];
        var ends = new int[tokens.Count];
        var logProbabilities = new double[tokens.Count];
        var position = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var piece = tokens[i].Text ?? string.Empty;
            if (position + piece.Length > text.Length || string.CompareOrdinal(text, position, piece, 0, piece.Length) != 0)
            {
                return null;
            }

            starts[i] = position;
            position += piece.Length;
            ends[i] = position;
            logProbabilities[i] = double.IsNaN(tokens[i].LogProbability) ? double.NegativeInfinity : Math.Min(0, tokens[i].LogProbability);
        }

        return position == text.Length ? new TokenSpanProbabilities(starts, ends, logProbabilities) : null;
    }

    /// <summary>The probability that the model wrote [<paramref name="start"/>, <paramref name="end"/>) as it did: the product of its tokens' probabilities.</summary>
    public double Joint(int start, int end) => Math.Exp(LogProbabilities(start, end).Sum());

    /// <summary>The smallest probability among the tokens of [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public double Weakest(int start, int end) => Math.Exp(LogProbabilities(start, end).DefaultIfEmpty(0).Min());

    /// <summary>The geometric mean probability of the tokens of [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public double Mean(int start, int end)
    {
        var logs = LogProbabilities(start, end).ToList();
        return logs.Count == 0 ? 1 : Math.Exp(logs.Average());
    }

    private IEnumerable<double> LogProbabilities(int start, int end)
    {
        for (var i = 0; i < _starts.Length; i++)
        {
            var wrote = _ends[i] > _starts[i];
            if ((wrote && _starts[i] < end && _ends[i] > start) || (!wrote && _starts[i] >= start && _starts[i] < end))
            {
                yield return _logProbabilities[i];
            }
        }
    }
}
