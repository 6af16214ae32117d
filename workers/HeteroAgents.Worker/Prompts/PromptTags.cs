namespace HeteroAgents.Worker.Prompts;

/// <summary>
/// How prompts delimit the task's material: the source text between <c>&lt;text&gt;</c> and <c>&lt;/text&gt;</c>
/// (classify, extract, summarize) and the user's request between <c>&lt;request&gt;</c> and <c>&lt;/request&gt;</c>
/// (tool_call), each tag on its own line. Test backends rely on this layout to find the material.
/// </summary>
public static class PromptTags
{
    /// <summary>Opens the source text.</summary>
    public const string TextOpen = "<text>";

    /// <summary>Closes the source text.</summary>
    public const string TextClose = "</text>";

    /// <summary>Opens the user's request.</summary>
    public const string RequestOpen = "<request>";

    /// <summary>Closes the user's request.</summary>
    public const string RequestClose = "</request>";

    /// <summary>Wraps <paramref name="content"/> in a tag pair, each tag on its own line.</summary>
    public static string Wrap(string open, string content, string close) => $"{open}\n{content}\n{close}";
}
