namespace Switchboard.Core.Analytics;

/// <summary>
/// Median (mean of the two middle values for an even count) and p90 by nearest rank (the value at
/// rank ⌈0.9·n⌉ of the sorted values), so every figure is an observed duration and easy to check by hand.
/// </summary>
public static class Percentiles
{
    public static double? Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    public static double? NearestRank(IReadOnlyList<double> values, double percentile)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }

    public static KpiReport.Duration Duration(IReadOnlyList<double> seconds) =>
        new(Median(seconds), NearestRank(seconds, 0.9), seconds.Count);
}
