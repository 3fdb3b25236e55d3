using System.Globalization;
using System.Text.RegularExpressions;

namespace Switchboard.Core.Routing;

/// <summary>
/// A first-response or resolution target: a business-time duration ("15m", "1h", "2h30m", "3d") or
/// "same_day" (by the close of the owner team's business day).
/// </summary>
public sealed partial record SlaTarget(TimeSpan? Duration, bool SameDay)
{
    public const string SameDayToken = "same_day";

    public static SlaTarget Of(TimeSpan duration) => new(duration, false);

    public static readonly SlaTarget EndOfDay = new(null, true);

    /// <summary>Parses "15m", "1h", "1h30m", "2d", "90m" or "same_day"; a day is 24 hours of business time.</summary>
    public static bool TryParse(string? text, out SlaTarget? target)
    {
        target = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (trimmed == SameDayToken)
        {
            target = EndOfDay;
            return true;
        }

        var match = DurationPattern().Match(trimmed);
        if (!match.Success || trimmed.Length == 0)
        {
            return false;
        }

        var total = TimeSpan.Zero;
        total += TimeSpan.FromDays(Group(match, "d"));
        total += TimeSpan.FromHours(Group(match, "h"));
        total += TimeSpan.FromMinutes(Group(match, "m"));
        if (total <= TimeSpan.Zero)
        {
            return false;
        }

        target = Of(total);
        return true;
    }

    public override string ToString()
    {
        if (SameDay || Duration is not { } d)
        {
            return SameDayToken;
        }

        var parts = new List<string>(3);
        if (d.Days > 0)
        {
            parts.Add(d.Days.ToString(CultureInfo.InvariantCulture) + "d");
        }

        if (d.Hours > 0)
        {
            parts.Add(d.Hours.ToString(CultureInfo.InvariantCulture) + "h");
        }

        if (d.Minutes > 0)
        {
            parts.Add(d.Minutes.ToString(CultureInfo.InvariantCulture) + "m");
        }

        return string.Concat(parts);
    }

    private static int Group(Match match, string name) =>
        match.Groups[name].Success ? int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^(?:(?<d>\d{1,3})d)?(?:(?<h>\d{1,4})h)?(?:(?<m>\d{1,5})m)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();
}
