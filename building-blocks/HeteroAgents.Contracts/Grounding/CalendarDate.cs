namespace HeteroAgents.Contracts;

/// <summary>A day of the calendar as a text states it; the year is null when the text does not say it ("March 5").</summary>
/// <param name="Year">The year, or null when not written.</param>
/// <param name="Month">The month, 1..12.</param>
/// <param name="Day">The day of the month, 1..31.</param>
public readonly record struct CalendarDate(int? Year, int Month, int Day)
{
    /// <summary>Whether the two name the same day: month and day equal, and the years equal where both are written.</summary>
    public bool Matches(CalendarDate other) =>
        Month == other.Month && Day == other.Day && (Year is null || other.Year is null || Year == other.Year);
}
