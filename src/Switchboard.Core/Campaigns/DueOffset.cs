using System.Globalization;
using System.Text.RegularExpressions;

namespace Switchboard.Core.Campaigns;

/// <summary>Parses due times relative to go-live: <c>T-24h</c>, <c>T-30m</c>, <c>T0</c>, <c>T+2h</c>, <c>T+1d</c>.</summary>
public static partial class DueOffset
{
    public static bool TryParse(string? text, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (text is null)
        {
            return false;
        }

        var trimmed = text.Trim();
        if (trimmed is "T0" or "T" or "T+0" or "T-0")
        {
            return true;
        }

        var match = Pattern().Match(trimmed);
        if (!match.Success)
        {
            return false;
        }

        var amount = int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        var unit = match.Groups["u"].Value.ToLowerInvariant() switch
        {
            "m" => TimeSpan.FromMinutes(amount),
            "h" => TimeSpan.FromHours(amount),
            _ => TimeSpan.FromDays(amount),
        };
        offset = match.Groups["s"].Value == "-" ? -unit : unit;
        return true;
    }

    public static string Format(TimeSpan offset)
    {
        if (offset == TimeSpan.Zero)
        {
            return "T0";
        }

        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var abs = offset.Duration();
        return abs.TotalHours >= 1 && abs.TotalHours == Math.Floor(abs.TotalHours)
            ? $"T{sign}{abs.TotalHours.ToString(CultureInfo.InvariantCulture)}h"
            : $"T{sign}{abs.TotalMinutes.ToString(CultureInfo.InvariantCulture)}m";
    }

    [GeneratedRegex(@"^T(?<s>[+-])(?<n>\d{1,4})(?<u>[mhdMHD])$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
