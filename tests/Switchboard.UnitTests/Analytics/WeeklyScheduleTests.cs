using Switchboard.Core.Analytics;

namespace Switchboard.UnitTests.Analytics;

public sealed class WeeklyScheduleTests
{
    [Fact]
    public void LatestDue_AfterMondayNine_CoversThePreviousIsoWeek()
    {
        var (period, from, to) = WeeklySchedule.LatestDue(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero), new AnalyticsOptions());

        Assert.Equal("2026-W47", period);
        Assert.Equal(new DateTimeOffset(2026, 11, 16, 0, 0, 0, TimeSpan.Zero), from);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero), to);
    }

    [Fact]
    public void LatestDue_MondayBeforeTheHour_StillTheWeekBefore()
    {
        var (period, _, to) = WeeklySchedule.LatestDue(new DateTimeOffset(2026, 11, 23, 8, 59, 0, TimeSpan.Zero), new AnalyticsOptions());

        Assert.Equal("2026-W46", period);
        Assert.Equal(new DateTimeOffset(2026, 11, 16, 0, 0, 0, TimeSpan.Zero), to);
    }

    [Fact]
    public void LatestDue_OtherTimeZoneAndDay_UsesLocalMidnights()
    {
        var options = new AnalyticsOptions { TimeZone = "Europe/Berlin", SnapshotDay = DayOfWeek.Friday, SnapshotHour = 17 };

        // Friday 2026-11-27 16:30 UTC is 17:30 in Berlin (UTC+1): due.
        var (period, from, to) = WeeklySchedule.LatestDue(new DateTimeOffset(2026, 11, 27, 16, 30, 0, TimeSpan.Zero), options);

        Assert.Equal("2026-W47", period);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.FromHours(1)), from);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.FromHours(1)), to);
    }
}
