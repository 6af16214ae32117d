using System.Text;

namespace HeteroAgents.Inference.Generation;

/// <summary>
/// Watches streamed text for stop sequences. Text that could still become the start of a stop sequence is held
/// back, so nothing after (or part of) a stop sequence is ever emitted.
/// </summary>
internal sealed class StopSequenceMatcher
{
    private readonly IReadOnlyList<string> _stops;
    private readonly StringBuilder _text = new();
    private int _emitted;

    public StopSequenceMatcher(IReadOnlyList<string> stops)
    {
        _stops = stops;
    }

    /// <summary>Adds text; returns what may be emitted now and whether a stop sequence was found.</summary>
    public (string Emit, bool Stopped) Push(string delta)
    {
        _text.Append(delta);
        if (_stops.Count == 0)
        {
            return (Take(_text.Length), false);
        }

        var text = _text.ToString();
        var cut = -1;
        foreach (var stop in _stops)
        {
            var from = Math.Max(0, _emitted - stop.Length + 1);
            var at = text.IndexOf(stop, from, StringComparison.Ordinal);
            if (at >= 0 && (cut < 0 || at < cut))
            {
                cut = at;
            }
        }

        if (cut >= 0)
        {
            var emit = cut > _emitted ? text[_emitted..cut] : string.Empty;
            _emitted = Math.Max(_emitted, cut);
            return (emit, true);
        }

        var hold = 0;
        foreach (var stop in _stops)
        {
            for (var k = Math.Min(stop.Length - 1, text.Length - _emitted); k > hold; k--)
            {
                if (text.AsSpan(text.Length - k).SequenceEqual(stop.AsSpan(0, k)))
                {
                    hold = k;
                    break;
                }
            }
        }

        return (Take(text.Length - hold), false);
    }

    /// <summary>Releases held-back text at the end of generation.</summary>
    public string Flush() => Take(_text.Length);

    private string Take(int upTo)
    {
        if (upTo <= _emitted)
        {
            return string.Empty;
        }

        var s = _text.ToString(_emitted, upTo - _emitted);
        _emitted = upTo;
        return s;
    }
}
