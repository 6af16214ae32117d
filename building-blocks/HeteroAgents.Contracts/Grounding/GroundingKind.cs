namespace HeteroAgents.Contracts;

/// <summary>How a value was compared with its source.</summary>
public enum GroundingKind
{
    /// <summary>As text: a substring of the source under <see cref="SourceTextMatcher"/>'s normalization.</summary>
    Text,

    /// <summary>As a number, against the source's numbers under every reading (<see cref="SourceNumbers"/>).</summary>
    Number,

    /// <summary>As a date or time of day, against the source's dates and times in any common format (<see cref="SourceDates"/>).</summary>
    Date,
}
