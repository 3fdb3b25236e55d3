using NodaTime;

namespace Switchboard.Core.Routing.Sla;

/// <summary>
/// A team's working week in its IANA time zone. SLA targets are business time: the clock only runs while the
/// team is open. Local times are mapped to instants leniently, so a DST gap shortens a day instead of failing.
/// </summary>
public sealed class BusinessHours
{
    // Bounds every walk over days: a target never spans more than this many calendar days.
    private const int MaxDays = 3660;

    private readonly IReadOnlyDictionary<IsoDayOfWeek, IReadOnlyList<OpenInterval>> _week;

    public BusinessHours(DateTimeZone zone, IReadOnlyDictionary<IsoDayOfWeek, IReadOnlyList<OpenInterval>> week)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(week);
        if (!week.Values.Any(day => day.Any(i => i.EndMinute > i.StartMinute)))
        {
            throw new ArgumentException("Business hours need at least one open interval in the week.", nameof(week));
        }

        Zone = zone;
        _week = week.ToDictionary(
            day => day.Key,
            day => (IReadOnlyList<OpenInterval>)day.Value.OrderBy(i => i.StartMinute).ToList());
    }

    private BusinessHours(DateTimeZone zone)
    {
        Zone = zone;
        IsAlwaysOpen = true;
        _week = new Dictionary<IsoDayOfWeek, IReadOnlyList<OpenInterval>>();
    }

    public DateTimeZone Zone { get; }

    public bool IsAlwaysOpen { get; }

    public static BusinessHours AlwaysOpen(DateTimeZone zone) => new(zone);

    /// <summary>Monday to Friday, the same hours each day.</summary>
    public static BusinessHours Weekdays(DateTimeZone zone, int startHour, int endHour)
    {
        var day = new[] { new OpenInterval(startHour * 60, endHour * 60) };
        var week = new Dictionary<IsoDayOfWeek, IReadOnlyList<OpenInterval>>
        {
            [IsoDayOfWeek.Monday] = day,
            [IsoDayOfWeek.Tuesday] = day,
            [IsoDayOfWeek.Wednesday] = day,
            [IsoDayOfWeek.Thursday] = day,
            [IsoDayOfWeek.Friday] = day,
        };
        return new BusinessHours(zone, week);
    }

    public bool IsOpen(DateTimeOffset at)
    {
        if (IsAlwaysOpen)
        {
            return true;
        }

        var instant = Instant.FromDateTimeOffset(at);
        var date = instant.InZone(Zone).Date;
        return Windows(date).Any(w => w.Start <= instant && instant < w.End);
    }

    /// <summary>The moment <paramref name="businessTime"/> of open time has passed after <paramref name="start"/>.</summary>
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan businessTime)
    {
        if (businessTime <= TimeSpan.Zero)
        {
            return start;
        }

        if (IsAlwaysOpen)
        {
            return start + businessTime;
        }

        var cursor = Instant.FromDateTimeOffset(start);
        var remaining = Duration.FromTimeSpan(businessTime);
        var date = cursor.InZone(Zone).Date.PlusDays(-1);
        for (var i = 0; i < MaxDays; i++, date = date.PlusDays(1))
        {
            foreach (var (windowStart, windowEnd) in Windows(date))
            {
                var from = windowStart > cursor ? windowStart : cursor;
                if (from >= windowEnd)
                {
                    continue;
                }

                var available = windowEnd - from;
                if (remaining <= available)
                {
                    return (from + remaining).ToDateTimeOffset();
                }

                remaining -= available;
                cursor = windowEnd;
            }
        }

        throw new InvalidOperationException($"Business time {businessTime} does not fit in {MaxDays} days.");
    }

    /// <summary>Open time between two instants (zero when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        if (IsAlwaysOpen)
        {
            return to - from;
        }

        var start = Instant.FromDateTimeOffset(from);
        var end = Instant.FromDateTimeOffset(to);
        var total = Duration.Zero;
        var date = start.InZone(Zone).Date.PlusDays(-1);
        var lastDate = end.InZone(Zone).Date;
        for (var i = 0; i < MaxDays && date <= lastDate; i++, date = date.PlusDays(1))
        {
            foreach (var (windowStart, windowEnd) in Windows(date))
            {
                var a = windowStart > start ? windowStart : start;
                var b = windowEnd < end ? windowEnd : end;
                if (b > a)
                {
                    total += b - a;
                }
            }
        }

        return total.ToTimeSpan();
    }

    /// <summary>
    /// The close of the business day that <paramref name="at"/> falls in; after today's close (or on a closed day),
    /// the close of the next business day. Used for "same day" targets.
    /// </summary>
    public DateTimeOffset EndOfBusinessDay(DateTimeOffset at)
    {
        var instant = Instant.FromDateTimeOffset(at);
        var date = instant.InZone(Zone).Date;
        if (IsAlwaysOpen)
        {
            return Zone.AtStartOfDay(date.PlusDays(1)).ToInstant().ToDateTimeOffset();
        }

        for (var i = 0; i < 14; i++, date = date.PlusDays(1))
        {
            var windows = Windows(date);
            if (windows.Count > 0 && windows[^1].End > instant)
            {
                return windows[^1].End.ToDateTimeOffset();
            }
        }

        throw new InvalidOperationException("No business day within two weeks.");
    }

    private List<(Instant Start, Instant End)> Windows(LocalDate date)
    {
        if (!_week.TryGetValue(date.DayOfWeek, out var intervals) || intervals.Count == 0)
        {
            return [];
        }

        var windows = new List<(Instant, Instant)>(intervals.Count);
        foreach (var interval in intervals)
        {
            var start = ToInstant(date, interval.StartMinute);
            var end = ToInstant(date, interval.EndMinute);
            if (end > start)
            {
                windows.Add((start, end));
            }
        }

        return windows;
    }

    private Instant ToInstant(LocalDate date, int minute) => minute >= 1440
        ? Zone.AtStartOfDay(date.PlusDays(1)).ToInstant()
        : Zone.AtLeniently(date.At(LocalTime.FromMinutesSinceMidnight(minute))).ToInstant();
}
