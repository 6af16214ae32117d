namespace HeteroAgents.Contracts;

/// <summary>The size limits <see cref="TaskInputRules"/> applies on top of the shape rules.</summary>
public sealed record TaskInputLimits
{
    /// <summary>The default largest <c>max_words</c> of a summarize task.</summary>
    public const int DefaultMaxSummaryWords = 2_000;

    /// <summary>The longest accepted tool name, in UTF-16 characters.</summary>
    public const int MaxToolNameChars = 256;

    /// <summary>No text limit, <see cref="DefaultMaxSummaryWords"/> for summaries.</summary>
    public static TaskInputLimits Default { get; } = new();

    /// <summary>Longest accepted <c>input.text</c> / <c>input.request</c>, in UTF-16 characters; null for no limit.</summary>
    public int? MaxTextChars { get; init; }

    /// <summary>The configuration key of <see cref="MaxTextChars"/>, named in the error message when set.</summary>
    public string? MaxTextCharsSetting { get; init; }

    /// <summary>Largest accepted <c>max_words</c> of a summarize task (the smallest is 1).</summary>
    public int MaxSummaryWords { get; init; } = DefaultMaxSummaryWords;
}
