using System.Globalization;

namespace HeteroAgents.Contracts;

/// <summary>
/// The numbers of a source text (digits and number words, every reading of each, see <see cref="NumberReader"/>),
/// for checking that a number in a result was taken from the text. The sign is not compared: texts write negatives in
/// too many ways (<c>-5</c>, <c>(5.00)</c>, "a refund of 5") for the sign to be evidence.
/// </summary>
public sealed class SourceNumbers
{
    private readonly IReadOnlyList<NumberMention> _mentions;

    /// <summary>Reads the numbers of <paramref name="source"/>.</summary>
    public SourceNumbers(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _mentions = NumberReader.Find(source, includeWords: true);
    }

    /// <summary>The numbers found, in order.</summary>
    public IReadOnlyList<NumberMention> Mentions => _mentions;

    /// <summary>Whether <paramref name="value"/> (sign ignored) is one of the source's numbers under any reading.</summary>
    public bool Contains(double value)
    {
        var magnitude = Math.Abs(value);
        return _mentions.Any(m => m.Values.Any(v => NumberReader.Same(v, magnitude)));
    }

    /// <summary>Whether any reading of <paramref name="mention"/> is one of the source's numbers.</summary>
    public bool Contains(NumberMention mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        return mention.Values.Any(Contains);
    }

    /// <summary>The source's numbers as written, for a failure message: up to <paramref name="max"/>, then "…".</summary>
    public string Describe(string name = "source", int max = 6)
    {
        if (_mentions.Count == 0)
        {
            return $"the {name} has no numbers";
        }

        var shown = string.Join(", ", _mentions.Take(max).Select(m => m.Text));
        return string.Create(CultureInfo.InvariantCulture, $"the {name}'s numbers: {shown}{(_mentions.Count > max ? ", …" : string.Empty)}");
    }
}
