using System.Globalization;
using System.Text.RegularExpressions;

namespace HeteroAgents.Contracts;

/// <summary>
/// Finds the dates and times of day written in a text in the common formats, so that a date in a result and a date
/// in its source can be compared whatever their spelling. Dates: year-first numeric (<c>2024-03-05</c>,
/// <c>2024/3/5</c>, <c>2024.03.05</c>, also the date part of an ISO 8601 date-time); day-or-month-first numeric with a
/// two- or four-digit year (<c>05/03/2024</c>, <c>5.3.24</c>, <c>03-05-2024</c> — read both ways when both are valid);
/// English month names, full or abbreviated, day first or month first, year optional (<c>5 March 2024</c>,
/// <c>5th of Mar.</c>, <c>March 5, 2024</c>, <c>Mar 5</c>). Two-digit years are 20xx; a date without a year matches
/// that day in any year. Times: <c>14:30</c>, <c>14:30:15</c>, <c>2:30 pm</c>, <c>2.30pm</c>, <c>3 p.m.</c>, <c>noon</c>,
/// <c>midnight</c>; a time without am/pm from 1 to 11 o'clock is read both ways.
/// </summary>
public static partial class DateReader
{
    private const string Months = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>The dates written in <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<DateMention> FindDates(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<DateMention>();
        var covered = new List<(int Start, int End)>();
        Collect(YearFirst(), text, found, covered, m => Single(Year(m, "y"), Number(m, "m"), Number(m, "d")));
        Collect(DayOrMonthFirst(), text, found, covered, m =>
        {
            var year = Year(m, "y");
            var (a, b) = (Number(m, "a"), Number(m, "b"));
            return [.. Single(year, b, a), .. a == b ? [] : Single(year, a, b)];
        });
        Collect(DayMonthName(), text, found, covered, m => Single(Year(m, "y"), MonthNumber(m.Groups["mon"].Value), Number(m, "d")));
        Collect(MonthNameDay(), text, found, covered, m => Single(Year(m, "y"), MonthNumber(m.Groups["mon"].Value), Number(m, "d")));
        found.Sort((x, y) => x.Index.CompareTo(y.Index));
        return found;
    }

    /// <summary>The times of day written in <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<TimeMention> FindTimes(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<TimeMention>();
        foreach (Match m in ClockTimeText().Matches(text))
        {
            var hour = m.Groups["noon"].Success ? 12 : m.Groups["midnight"].Success ? 0 : Number(m, "h");
            var minute = m.Groups["mi"].Success ? Number(m, "mi") : 0;
            if (hour > 23 || minute > 59 || (!m.Groups["mi"].Success && !m.Groups["ampm"].Success && !m.Groups["noon"].Success && !m.Groups["midnight"].Success))
            {
                continue;
            }

            var readings = new List<ClockTime>();
            if (m.Groups["ampm"].Success)
            {
                if (hour is < 1 or > 12)
                {
                    continue;
                }

                var pm = char.ToLowerInvariant(m.Groups["ampm"].Value[0]) == 'p';
                readings.Add(new ClockTime((hour % 12) + (pm ? 12 : 0), minute));
            }
            else
            {
                readings.Add(new ClockTime(hour, minute));
                if (hour is >= 1 and <= 11 && !m.Groups["noon"].Success && !m.Groups["midnight"].Success)
                {
                    readings.Add(new ClockTime(hour + 12, minute));
                }
            }

            found.Add(new TimeMention(m.Value, m.Index, readings));
        }

        return found;
    }

    /// <summary>
    /// Reads <paramref name="value"/> as one date, optionally with a time of day, when that is all it says
    /// (<c>2024-03-05</c>, <c>2024-03-05T14:30:00Z</c>, <c>March 5, 2024</c>, <c>05/03/2024 2:30 pm</c>).
    /// </summary>
    public static bool TryReadWhole(string value, out DateMention date, out TimeMention? time)
    {
        ArgumentNullException.ThrowIfNull(value);
        date = null!;
        time = null;
        var dates = FindDates(value);
        if (dates.Count != 1)
        {
            return false;
        }

        date = dates[0];
        var rest = value.Remove(date.Index, date.Text.Length);
        var times = FindTimes(rest);
        if (times.Count > 1)
        {
            return false;
        }

        time = times.Count == 1 ? times[0] : null;
        var leftover = time is null ? rest : rest.Remove(time.Index, time.Text.Length);
        return Leftover().IsMatch(leftover);
    }

    /// <summary>Reads <paramref name="value"/> as one time of day when that is all it says (<c>14:30</c>, <c>2:30 pm</c>, <c>14:30:00Z</c>).</summary>
    public static bool TryReadTime(string value, out TimeMention time)
    {
        ArgumentNullException.ThrowIfNull(value);
        time = null!;
        var times = FindTimes(value);
        if (times.Count != 1 || FindDates(value).Count > 0)
        {
            return false;
        }

        time = times[0];
        return Leftover().IsMatch(value.Remove(time.Index, time.Text.Length));
    }

    private static void Collect(Regex regex, string text, List<DateMention> found, List<(int Start, int End)> covered, Func<Match, List<CalendarDate>> read)
    {
        foreach (Match m in regex.Matches(text))
        {
            if (covered.Any(c => m.Index < c.End && m.Index + m.Length > c.Start))
            {
                continue;
            }

            var readings = read(m);
            if (readings.Count > 0)
            {
                found.Add(new DateMention(m.Value, m.Index, readings));
                covered.Add((m.Index, m.Index + m.Length));
            }
        }
    }

    private static List<CalendarDate> Single(int? year, int month, int day)
    {
        var valid = month is >= 1 and <= 12 && day >= 1 && day <= (year is { } y ? DateTime.DaysInMonth(y, month) : DaysInAnyYear(month));
        return valid ? [new CalendarDate(year, month, day)] : [];
    }

    private static int DaysInAnyYear(int month) => month == 2 ? 29 : DateTime.DaysInMonth(2001, month);

    private static int? Year(Match m, string group)
    {
        if (!m.Groups[group].Success)
        {
            return null;
        }

        var year = Number(m, group);
        return year < 100 ? 2000 + year : year is >= 1 and <= 9999 ? year : null;
    }

    private static int Number(Match m, string group) => int.Parse(m.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture);

    private static int MonthNumber(string name) => name.ToLowerInvariant()[..3] switch
    {
        "jan" => 1, "feb" => 2, "mar" => 3, "apr" => 4, "may" => 5, "jun" => 6,
        "jul" => 7, "aug" => 8, "sep" => 9, "oct" => 10, "nov" => 11, _ => 12,
    };

    [GeneratedRegex(@"(?<!\d)(?<y>\d{4})([\-/.])(?<m>\d{1,2})\1(?<d>\d{1,2})(?!\d)", Options)]
    private static partial Regex YearFirst();

    [GeneratedRegex(@"(?<![\d.,/\-])(?<a>\d{1,2})([/.\-])(?<b>\d{1,2})\1(?<y>\d{4}|\d{2})(?![\d/\-]|[.,]\d)", Options)]
    private static partial Regex DayOrMonthFirst();

    [GeneratedRegex(@"(?<!\d)(?<d>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(?<mon>" + Months + @")\b(?:\.?,?\s+(?<y>\d{4})(?!\d))?", Options)]
    private static partial Regex DayMonthName();

    [GeneratedRegex(@"\b(?<mon>" + Months + @")\b\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?(?!\d)(?:,?\s+(?<y>\d{4})(?!\d))?", Options)]
    private static partial Regex MonthNameDay();

    [GeneratedRegex(@"(?<![\d:.+\-])(?:(?<h>\d{1,2})(?:[:](?<mi>\d{2})(?::\d{2}(?:\.\d+)?)?|\.(?<mi>\d{2})(?=\s*[ap]\.?m\b))?\s*(?<ampm>[ap]\.?m\b\.?)?|(?<noon>\bnoon\b)|(?<midnight>\bmidnight\b))", Options)]
    private static partial Regex ClockTimeText();

    [GeneratedRegex(@"^[\sTtZz,]*(?:(?:[+\-]\d{2}:?\d{2})|[Zz]|UTC|GMT)?[\s,]*$", Options)]
    private static partial Regex Leftover();
}
