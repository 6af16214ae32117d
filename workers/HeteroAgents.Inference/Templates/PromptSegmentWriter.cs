using System.Text;

namespace HeteroAgents.Inference.Templates;

/// <summary>Collects a template's output as <see cref="PromptSegment"/>s, merging neighbours of the same kind.</summary>
internal sealed class PromptSegmentWriter
{
    private readonly List<PromptSegment> _segments = [];
    private readonly StringBuilder _current = new();
    private bool _currentIsContent;

    /// <summary>Appends template text (may hold special tokens).</summary>
    public PromptSegmentWriter Template(string text) => Append(text, isContent: false);

    /// <summary>Appends message content (never encoded as special tokens).</summary>
    public PromptSegmentWriter Content(string text) => Append(text, isContent: true);

    /// <summary>The segments written so far.</summary>
    public IReadOnlyList<PromptSegment> ToSegments()
    {
        Flush();
        return [.. _segments];
    }

    /// <summary>Concatenates segments into the prompt string.</summary>
    public static string Join(IReadOnlyList<PromptSegment> segments) => string.Concat(segments.Select(s => s.Text));

    private PromptSegmentWriter Append(string text, bool isContent)
    {
        if (text.Length == 0)
        {
            return this;
        }

        if (_current.Length > 0 && _currentIsContent != isContent)
        {
            Flush();
        }

        _currentIsContent = isContent;
        _current.Append(text);
        return this;
    }

    private void Flush()
    {
        if (_current.Length > 0)
        {
            _segments.Add(new PromptSegment(_current.ToString(), _currentIsContent));
            _current.Clear();
        }
    }
}
