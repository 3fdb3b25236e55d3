using Microsoft.Extensions.Options;

namespace Switchboard.Core.Analytics;

/// <summary>Cross-field rules of <see cref="AnalyticsOptions"/>, every error reported at once.</summary>
public sealed class AnalyticsOptionsValidator : IValidateOptions<AnalyticsOptions>
{
    public ValidateOptionsResult Validate(string? name, AnalyticsOptions options)
    {
        var errors = new List<string>();
        try
        {
            _ = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            errors.Add($"Switchboard:Analytics:TimeZone '{options.TimeZone}' is not a known time zone.");
        }

        if (options.SnapshotChannel is { } channel && (string.IsNullOrWhiteSpace(channel.Connector) || string.IsNullOrWhiteSpace(channel.Channel)))
        {
            errors.Add("Switchboard:Analytics:SnapshotChannel needs both Connector and Channel.");
        }

        if (options.DashboardPassword is { } password && password.Length < 12)
        {
            errors.Add("Switchboard:Analytics:DashboardPassword must be at least 12 characters.");
        }

        if (options.DashboardBaseUrl is { } url && !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            errors.Add("Switchboard:Analytics:DashboardBaseUrl must be an absolute URL.");
        }

        foreach (var (campaign, keywords) in options.Campaigns)
        {
            if (keywords.Length == 0 || keywords.Any(string.IsNullOrWhiteSpace))
            {
                errors.Add($"Switchboard:Analytics:Campaigns:{campaign} needs at least one non-empty keyword.");
            }
        }

        if ((options.AverageOrderValue is null) != (options.PreSalesConversionRate is null))
        {
            errors.Add("Switchboard:Analytics: AverageOrderValue and PreSalesConversionRate go together (set both or neither).");
        }

        if ((options.AverageRefundValue is null) != (options.RefundSaveRate is null))
        {
            errors.Add("Switchboard:Analytics: AverageRefundValue and RefundSaveRate go together (set both or neither).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
