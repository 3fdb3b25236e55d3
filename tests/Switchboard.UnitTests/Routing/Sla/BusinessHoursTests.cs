using NodaTime;
using Switchboard.Core.Routing.Sla;

namespace Switchboard.UnitTests.Routing.Sla;

public sealed class BusinessHoursTests
{
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    [Fact]
    public void Add_InsideOpenHours_IsWallClock()
    {
        var hours = BusinessHours.Weekdays(London, 9, 17);
        var wednesday = Utc(2026, 11, 18, 10, 0);

        Assert.Equal(Utc(2026, 11, 18, 11, 0), hours.Add(wednesday, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Add_AcrossTheWeekend_SkipsSaturdayAndSunday()
    {
        var hours = BusinessHours.Weekdays(London, 9, 17);
        var fridayAfternoon = Utc(2026, 11, 20, 16, 30);

        Assert.Equal(Utc(2026, 11, 23, 9, 30), hours.Add(fridayAfternoon, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Add_BeforeOpening_StartsAtOpening()
    {
        var hours = BusinessHours.Weekdays(London, 9, 17);

        Assert.Equal(Utc(2026, 11, 18, 9, 15), hours.Add(Utc(2026, 11, 18, 3, 0), TimeSpan.FromMinutes(15)));
    }

    [Fact]
    public void Add_InAnotherTimeZone_UsesTheTeamsLocalHours()
    {
        // 13:00 UTC is 08:00 in New York (EST, UTC-5): the team opens at 09:00 local = 14:00 UTC.
        var hours = BusinessHours.Weekdays(NewYork, 9, 17);

        Assert.Equal(Utc(2026, 11, 18, 15, 0), hours.Add(Utc(2026, 11, 18, 13, 0), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Add_InSummerTime_FollowsTheOffsetChange()
    {
        // 1 July: London is on BST (UTC+1), so 09:00 local is 08:00 UTC.
        var hours = BusinessHours.Weekdays(London, 9, 17);

        Assert.Equal(Utc(2026, 7, 1, 8, 30), hours.Add(Utc(2026, 7, 1, 5, 0), TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void Add_AcrossTheSpringDstWeekend_OpensAtLocalNine()
    {
        // Friday 27 March 2026 is GMT; Monday 30 March is BST (clocks went forward on Sunday the 29th).
        var hours = BusinessHours.Weekdays(London, 9, 17);

        Assert.Equal(Utc(2026, 3, 30, 8, 30), hours.Add(Utc(2026, 3, 27, 16, 30), TimeSpan.FromHours(1)));
        Assert.Equal(TimeSpan.FromHours(1), hours.Between(Utc(2026, 3, 27, 16, 30), Utc(2026, 3, 30, 8, 30)));
    }

    [Fact]
    public void Add_SeveralDays_CountsOnlyOpenTime()
    {
        var hours = BusinessHours.Weekdays(London, 9, 17);

        // 24 business hours = three 8-hour days: Wed 09-17, Thu, Fri.
        Assert.Equal(Utc(2026, 11, 20, 17, 0), hours.Add(Utc(2026, 11, 18, 9, 0), TimeSpan.FromHours(24)));
    }

    [Fact]
    public void Between_AcrossTheWeekend_IsTheInverseOfAdd()
    {
        var hours = BusinessHours.Weekdays(London, 9, 17);
        var start = Utc(2026, 11, 20, 16, 0);
        var due = hours.Add(start, TimeSpan.FromHours(3));

        Assert.Equal(Utc(2026, 11, 23, 11, 0), due);
        Assert.Equal(TimeSpan.FromHours(3), hours.Between(start, due));
        Assert.Equal(TimeSpan.Zero, hours.Between(due, start));
    }

    [Fact]
    public void EndOfBusinessDay_AfterClosing_IsTheNextBusinessDaysClose()
    {
        var hours = BusinessHours.Weekdays(London, 9, 17);

        Assert.Equal(Utc(2026, 11, 18, 17, 0), hours.EndOfBusinessDay(Utc(2026, 11, 18, 8, 0)));
        Assert.Equal(Utc(2026, 11, 23, 17, 0), hours.EndOfBusinessDay(Utc(2026, 11, 20, 18, 0)));
    }

    [Fact]
    public void AlwaysOpen_CountsWallClock()
    {
        var hours = BusinessHours.AlwaysOpen(DateTimeZone.Utc);

        Assert.Equal(Utc(2026, 11, 21, 13, 0), hours.Add(Utc(2026, 11, 21, 12, 0), TimeSpan.FromHours(1)));
        Assert.Equal(Utc(2026, 11, 22, 0, 0), hours.EndOfBusinessDay(Utc(2026, 11, 21, 12, 0)));
        Assert.True(hours.IsOpen(Utc(2026, 11, 22, 3, 0)));
    }

    [Fact]
    public void IsOpen_OnSaturday_IsFalse()
    {
        var hours = BusinessHours.Weekdays(London, 9, 17);

        Assert.False(hours.IsOpen(Utc(2026, 11, 21, 12, 0)));
        Assert.True(hours.IsOpen(Utc(2026, 11, 20, 12, 0)));
    }

    private static DateTimeOffset Utc(int y, int m, int d, int h, int min) => new(y, m, d, h, min, 0, TimeSpan.Zero);
}
