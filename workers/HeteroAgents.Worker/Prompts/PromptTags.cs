using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace HeteroAgents.Worker.Prompts;

/// <summary>
/// How prompts delimit the task's material: the source text between <c>&lt;text&gt;</c> and <c>&lt;/text&gt;</c>
/// (classify, extract, summarize) and the user's request between <c>&lt;request&gt;</c> and <c>&lt;/request&gt;</c>
/// (tool_call), each tag on its own line. Test backends rely on this layout to find the material.
/// </summary>
public static class PromptTags
{
    private static readonly ConcurrentDictionary<(string Open, string Close), Regex> Patterns = new();

    /// <summary>Opens the source text.</summary>
    public const string TextOpen = "<text>";

    /// <summary>Closes the source text.</summary>
    public const string TextClose = "</text>";

    /// <summary>Opens the user's request.</summary>
    public const string RequestOpen = "<request>";

    /// <summary>Closes the user's request.</summary>
    public const string RequestClose = "</request>";

    /// <summary>
    /// Wraps <paramref name="content"/> in a tag pair, each tag on its own line. Content that spells either tag (to end
    /// the material early and write instructions after it) has that tag's <c>&lt;</c> written as <c>&amp;lt;</c>, so the
    /// prompt holds exactly one opening and one closing tag.
    /// </summary>
    public static string Wrap(string open, string content, string close)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(close);
        // Most material has no '<' at all; the pattern of a tag pair is built once (the four tags are constants).
        var neutral = content.Contains('<', StringComparison.Ordinal)
            ? Patterns.GetOrAdd((open, close), static k => new Regex(
                Regex.Escape(k.Open) + "|" + Regex.Escape(k.Close), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
                .Replace(content, m => "&lt;" + m.Value[1..])
            : content;
        return $"{open}\n{neutral}\n{close}";
    }
}
