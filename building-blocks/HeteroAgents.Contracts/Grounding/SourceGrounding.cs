using System.Globalization;

namespace HeteroAgents.Contracts;

/// <summary>
/// Decides whether a value of a result was taken from a source text (an extract's text, a tool call's request).
/// A string is grounded when it appears in the text (<see cref="SourceTextMatcher"/>), or when it is wholly a number
/// (<c>€120.00</c>, <c>120 EUR</c>, <c>15%</c>) equal to one of the source's numbers under any reading
/// (<see cref="SourceNumbers"/>), or wholly a date, date-time or time of day naming one of the source's
/// (<see cref="SourceDates"/>: <c>2024-03-05</c> matches "5 March 2024" and "03/05/2024"). A date-time's time must
/// also be one of the source's times unless it is midnight (the usual filler). A JSON number is grounded when it is one
/// of the source's numbers. The numbers and dates of the source are read on first use.
/// </summary>
public sealed class SourceGrounding
{
    private readonly string _source;
    private readonly string _name;
    private readonly SourceTextMatcher _text;
    private SourceNumbers? _numbers;
    private SourceDates? _dates;

    /// <summary>Prepares <paramref name="source"/> for repeated checks.</summary>
    /// <param name="source">The text values must come from.</param>
    /// <param name="name">How failures name it: <c>source</c> (an extract's text) or <c>request</c> (a tool call's).</param>
    public SourceGrounding(string source, string name = "source")
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _source = source;
        _name = name;
        _text = new SourceTextMatcher(source);
    }

    /// <summary>The source's numbers.</summary>
    public SourceNumbers Numbers => _numbers ??= new SourceNumbers(_source);

    private string TextName => _name == "source" ? "source text" : _name;

    /// <summary>The source's dates and times.</summary>
    public SourceDates Dates => _dates ??= new SourceDates(_source);

    /// <summary>Why the string <paramref name="value"/> is not grounded, or null when it is.</summary>
    /// <param name="value">The string.</param>
    /// <param name="dateExpected">The schema says it is a date, date-time or time: compared as a date whatever its spelling.</param>
    public GroundingMiss? CheckString(string value, bool dateExpected = false)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (_text.Contains(value))
        {
            return null;
        }

        if (DateReader.TryReadWhole(value, out var date, out var time))
        {
            return CheckDate(date, time);
        }

        if (DateReader.TryReadTime(value, out var onlyTime))
        {
            return Dates.Contains(onlyTime) ? null : new GroundingMiss(GroundingKind.Date, $"is not one of the {_name}'s times ({Dates.DescribeTimes(_name)})");
        }

        if (dateExpected)
        {
            return new GroundingMiss(GroundingKind.Date, $"is not a date the {_name} contains ({Dates.DescribeDates(_name)})");
        }

        if (NumberReader.TryReadWhole(value, out var number))
        {
            return Numbers.Contains(number)
                ? null
                : new GroundingMiss(GroundingKind.Number, $"does not appear in the {TextName}, nor as a number ({Numbers.Describe(_name)})");
        }

        return new GroundingMiss(GroundingKind.Text, $"does not appear in the {TextName}");
    }

    /// <summary>Why the number <paramref name="value"/> is not grounded, or null when it is.</summary>
    public GroundingMiss? CheckNumber(double value) =>
        Numbers.Contains(value)
            ? null
            : new GroundingMiss(GroundingKind.Number, string.Create(CultureInfo.InvariantCulture, $"does not appear among the {_name}'s numbers ({Numbers.Describe(_name)})"));

    private GroundingMiss? CheckDate(DateMention date, TimeMention? time)
    {
        if (!Dates.Contains(date))
        {
            return new GroundingMiss(GroundingKind.Date, $"is not one of the {_name}'s dates ({Dates.DescribeDates(_name)})");
        }

        var midnight = time is not null && time.Readings.All(r => r is { Hour: 0, Minute: 0 });
        return time is null || midnight || Dates.Contains(time)
            ? null
            : new GroundingMiss(GroundingKind.Date, $"has a time that is not one of the {_name}'s ({Dates.DescribeTimes(_name)})");
    }
}
