using Switchboard.Core.Analytics;

namespace Switchboard.UnitTests.Analytics;

public sealed class AnalyticsOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        Assert.True(new AnalyticsOptionsValidator().Validate(null, new AnalyticsOptions()).Succeeded);
    }

    [Fact]
    public void Validate_SeveralMistakes_ReportsEveryOne()
    {
        var options = new AnalyticsOptions
        {
            TimeZone = "Mars/Olympus",
            SnapshotChannel = new SnapshotChannelOptions { Connector = "slack" },
            DashboardPassword = "short",
            DashboardBaseUrl = "not a url",
            Campaigns = new() { ["launch"] = [] },
            AverageOrderValue = 50,
            RefundSaveRate = 0.2,
        };

        var result = new AnalyticsOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(7, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.Contains("TimeZone", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("PreSalesConversionRate", StringComparison.Ordinal));
    }
}
