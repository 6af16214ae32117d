namespace HeteroAgents.Contracts.Tests.Grounding;

public sealed class DateReaderTests
{
    [Theory]
    [InlineData("on 2024-03-05 we", 2024, 3, 5)]
    [InlineData("2024/3/5", 2024, 3, 5)]
    [InlineData("2024-03-05T14:30:00Z", 2024, 3, 5)]
    [InlineData("5 March 2024", 2024, 3, 5)]
    [InlineData("5th of Mar. 2024", 2024, 3, 5)]
    [InlineData("March 5, 2024", 2024, 3, 5)]
    [InlineData("Mar 5th 2024", 2024, 3, 5)]
    [InlineData("sept 30", null, 9, 30)]
    [InlineData("on 31/12/24", 2024, 12, 31)]
    public void Dates_are_found_in_the_common_formats(string text, int? year, int month, int day)
    {
        var date = Assert.Single(DateReader.FindDates(text));

        Assert.Contains(new CalendarDate(year, month, day), date.Readings);
    }

    [Fact]
    public void A_numeric_date_valid_both_ways_has_both_readings()
    {
        var date = Assert.Single(DateReader.FindDates("05/03/2024"));

        Assert.Equal([new CalendarDate(2024, 3, 5), new CalendarDate(2024, 5, 3)], date.Readings);
        Assert.Equal([new CalendarDate(2024, 12, 31)], Assert.Single(DateReader.FindDates("12/31/2024")).Readings);
    }

    [Theory]
    [InlineData("version 1.2.3")]
    [InlineData("order 2024-99-99")]
    [InlineData("30 February 2023")]
    [InlineData("the market is 5 minutes away")]
    [InlineData("1,234.50")]
    public void Things_that_are_not_dates_are_not_found(string text) =>
        Assert.Empty(DateReader.FindDates(text));

    [Theory]
    [InlineData("at 14:30", 14, 30)]
    [InlineData("at 2:30 pm", 14, 30)]
    [InlineData("at 2.30pm", 14, 30)]
    [InlineData("3 p.m.", 15, 0)]
    [InlineData("12 am", 0, 0)]
    [InlineData("noon", 12, 0)]
    [InlineData("14:30:15", 14, 30)]
    public void Times_are_found(string text, int hour, int minute) =>
        Assert.Contains(new ClockTime(hour, minute), Assert.Single(DateReader.FindTimes(text)).Readings);

    [Fact]
    public void A_time_without_am_or_pm_is_read_both_ways()
    {
        Assert.Equal([new ClockTime(2, 30), new ClockTime(14, 30)], Assert.Single(DateReader.FindTimes("call at 2:30")).Readings);
        Assert.Empty(DateReader.FindTimes("order 2024 costs 12"));
    }

    [Theory]
    [InlineData("2024-03-05", false)]
    [InlineData("2024-03-05T14:30:00Z", true)]
    [InlineData("2024-03-05T14:30:00.000+01:00", true)]
    [InlineData("March 5, 2024", false)]
    [InlineData("05/03/2024 2:30 pm", true)]
    public void A_value_that_is_only_a_date_is_read_whole(string value, bool hasTime)
    {
        Assert.True(DateReader.TryReadWhole(value, out var date, out var time));
        Assert.Contains(date.Readings, r => r.Month is 3 or 5);
        Assert.Equal(hasTime, time is not null);
    }

    [Theory]
    [InlineData("due on 2024-03-05")]
    [InlineData("2024-03-05 and 2024-03-06")]
    [InlineData("14:30")]
    public void A_value_with_more_than_a_date_is_not_read_whole(string value) =>
        Assert.False(DateReader.TryReadWhole(value, out _, out _));
}
