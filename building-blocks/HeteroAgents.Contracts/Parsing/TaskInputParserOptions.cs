using System.ComponentModel.DataAnnotations;

namespace HeteroAgents.Contracts;

/// <summary>Limits applied while parsing batch input lines (configuration section <c>Hetero:Batch</c>).</summary>
public sealed class TaskInputParserOptions
{
    /// <summary>Longest accepted text (<c>input.text</c>, <c>input.request</c>), in UTF-16 characters.</summary>
    [Range(1, int.MaxValue)]
    public int MaxTextChars { get; set; } = 100_000;

    /// <summary>Longest accepted input line, in bytes; longer lines fail with <see cref="TaskErrorCodes.LineTooLong"/>.</summary>
    [Range(1024, int.MaxValue)]
    public int MaxLineBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Largest accepted <c>max_words</c> of a summarize task.</summary>
    [Range(1, 100_000)]
    public int MaxSummaryWords { get; set; } = TaskInputLimits.DefaultMaxSummaryWords;

    /// <summary>The limits of these options as <see cref="TaskInputRules"/> applies them.</summary>
    public TaskInputLimits ToLimits() => new()
    {
        MaxTextChars = MaxTextChars,
        MaxTextCharsSetting = "Hetero:Batch:MaxTextChars",
        MaxSummaryWords = MaxSummaryWords,
    };
}
