using System.Globalization;

namespace Switchboard.Core.Analytics;

/// <summary>
/// Which week a weekly post covers: the seven local days that end at midnight starting the configured
/// weekday, once that weekday's configured hour has passed. The key is the ISO week of the first day.
/// </summary>
public static class WeeklySchedule
{
    public static (string Period, DateTimeOffset From, DateTimeOffset To) LatestDue(DateTimeOffset now, AnalyticsOptions options)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var daysBack = ((int)local.DayOfWeek - (int)options.SnapshotDay + 7) % 7;
        var postDay = local.Date.AddDays(-daysBack);
        if (daysBack == 0 && local.Hour < options.SnapshotHour)
        {
            postDay = postDay.AddDays(-7);
        }

        var to = AtLocalMidnight(postDay, zone);
        var start = postDay.AddDays(-7);
        var from = AtLocalMidnight(start, zone);
        var period = string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(start)}-W{ISOWeek.GetWeekOfYear(start):00}");
        return (period, from, to);
    }

    private static DateTimeOffset AtLocalMidnight(DateTime date, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(date, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }
}
