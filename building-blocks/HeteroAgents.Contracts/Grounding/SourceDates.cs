namespace HeteroAgents.Contracts;

/// <summary>The dates and times of day of a source text (<see cref="DateReader"/>), for checking that a date in a result was taken from it.</summary>
public sealed class SourceDates
{
    private readonly IReadOnlyList<DateMention> _dates;
    private readonly IReadOnlyList<TimeMention> _times;

    /// <summary>Reads the dates and times of <paramref name="source"/>.</summary>
    public SourceDates(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _dates = DateReader.FindDates(source);
        _times = DateReader.FindTimes(source);
    }

    /// <summary>The dates found, in order.</summary>
    public IReadOnlyList<DateMention> Dates => _dates;

    /// <summary>Whether some reading of <paramref name="date"/> names the same day as some reading of a source date.</summary>
    public bool Contains(DateMention date)
    {
        ArgumentNullException.ThrowIfNull(date);
        return date.Readings.Any(r => _dates.Any(d => d.Readings.Any(r.Matches)));
    }

    /// <summary>Whether some reading of <paramref name="time"/> is a reading of a source time.</summary>
    public bool Contains(TimeMention time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return time.Readings.Any(r => _times.Any(t => t.Readings.Contains(r)));
    }

    /// <summary>The source's dates as written, for a failure message.</summary>
    public string DescribeDates(string name = "source", int max = 4) => Describe(name, "dates", _dates.Select(d => d.Text).ToList(), max);

    /// <summary>The source's times as written, for a failure message.</summary>
    public string DescribeTimes(string name = "source", int max = 4) => Describe(name, "times", _times.Select(t => t.Text).ToList(), max);

    private static string Describe(string name, string what, List<string> written, int max) =>
        written.Count == 0
            ? $"the {name} has no {what}"
            : $"the {name}'s {what}: {string.Join(", ", written.Take(max))}{(written.Count > max ? ", …" : string.Empty)}";
}
