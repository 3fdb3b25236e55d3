namespace Switchboard.Core.Campaigns;

/// <summary>
/// Computes the post-launch snapshot. Volume counts every message in the window (tagged ones separately); cases are
/// those opened in the window. SLA adherence = cases whose first response came by its due time ÷ cases with a due time
/// that has passed or been answered. ROI figures appear only when their inputs are in the factsheet.
/// </summary>
public static class CampaignReportBuilder
{
    public static CampaignReport Build(Campaign campaign, DateTimeOffset from, DateTimeOffset until, CampaignReportData data, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(data);
        var messages = data.Messages.Where(m => m.At >= from && m.At < until).ToArray();
        var tagged = messages.Where(m => CampaignTagger.Tag(campaign, m.Text) is not null).Select(m => m.Id).ToHashSet();
        var volume = messages
            .GroupBy(m => (Hour: new DateTimeOffset(m.At.UtcDateTime.Date.AddHours(m.At.UtcDateTime.Hour), TimeSpan.Zero), m.Platform))
            .OrderBy(g => g.Key.Hour).ThenBy(g => g.Key.Platform, StringComparer.Ordinal)
            .Select(g => (g.Key.Hour, g.Key.Platform, g.Count(), g.Count(m => tagged.Contains(m.Id))))
            .ToArray();

        var cases = data.Cases.Where(c => c.OpenedAt >= from && c.OpenedAt < until).ToArray();
        var issues = cases.GroupBy(c => c.Intent ?? "untriaged")
            .Select(g => (g.Key, g.Count())).OrderByDescending(x => x.Item2).ThenBy(x => x.Key, StringComparer.Ordinal).Take(8).ToArray();

        // Every approved question asked at least once, counted with the detector's own matching.
        var detector = new RepeatedQuestionDetector(campaign) { MinClusterSize = 1 };
        var questions = detector.Detect(messages.Select(m => new CampaignMessage(m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), m.At, m.Platform, m.AuthorHandle, m.Text)), from, until)
            .Where(q => q.Answer is not null)
            .Select(q => (q.Question, q.MessageIds.Count)).ToArray();

        var firstResponse = cases.Where(c => c.FirstRespondedAt is not null).Select(c => (c.FirstRespondedAt!.Value - c.OpenedAt).TotalMinutes).Order().ToArray();
        var resolution = cases.Where(c => c.ResolvedAt is not null).Select(c => (c.ResolvedAt!.Value - c.OpenedAt).TotalMinutes).Order().ToArray();
        var measured = cases.Where(c => c.FirstResponseDueAt is { } due && (c.FirstRespondedAt is not null || due <= now)).ToArray();
        var met = measured.Count(c => c.FirstRespondedAt is { } at && at <= c.FirstResponseDueAt);

        var promo = campaign.PromoCodes
            .Select(code => (code.Code, messages.Count(m => CampaignTagger.Tag(campaign, m.Text)?.Codes.Contains(code.Code) == true), PromoCodeFacts.For(campaign, code.Code, until).Summary))
            .ToArray();
        var pinned = data.Clarifications.Where(c => c.Status == "pinned").ToArray();
        var resolved = cases.Count(c => c.ResolvedAt is not null);
        return new CampaignReport(
            campaign.Name, campaign.Title, from, until, messages.Length, tagged.Count, volume, issues, questions, cases.Length, resolved,
            Percentile(firstResponse, 0.5), Percentile(firstResponse, 0.9), Percentile(resolution, 0.5), measured.Length, met,
            promo, pinned, Roi(campaign.Roi, resolved), campaign.Roi?.Currency ?? string.Empty);
    }

    /// <summary>The playbook's ROI figures, each only when its inputs are given.</summary>
    public static IReadOnlyList<(string Metric, decimal Value, string Formula)> Roi(RoiInputs? roi, int resolvedCases)
    {
        var figures = new List<(string, decimal, string)>();
        if (roi is null)
        {
            return figures;
        }

        if (roi.AssistedPurchases is { } purchases && roi.AverageOrderValue is { } aov)
        {
            figures.Add(("revenue_assisted", purchases * aov, $"assisted purchases {purchases} × average order value {aov}"));
        }

        if (roi.RefundsAvoided is { } refunds)
        {
            figures.Add(("refunds_avoided", refunds, "as reported in the factsheet"));
        }

        if (roi.SupportCost is { } cost && resolvedCases > 0)
        {
            figures.Add(("cost_per_resolved_case", Math.Round(cost / resolvedCases, 2), $"support cost {cost} ÷ resolved cases {resolvedCases}"));
        }

        if (roi.Spend is { } spend)
        {
            if (roi.Impressions is > 0)
            {
                figures.Add(("cpm", Math.Round(spend / roi.Impressions.Value * 1000m, 2), $"spend {spend} ÷ impressions {roi.Impressions} × 1000"));
            }

            if (roi.Views is > 0)
            {
                figures.Add(("cpv", Math.Round(spend / roi.Views.Value, 4), $"spend {spend} ÷ views {roi.Views}"));
            }

            if (roi.Conversions is > 0)
            {
                figures.Add(("cpa", Math.Round(spend / roi.Conversions.Value, 2), $"spend {spend} ÷ conversions {roi.Conversions}"));
            }
        }

        return figures;
    }

    private static double? Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return null;
        }

        // Nearest-rank percentile: simple, and exact on the small samples of one launch.
        var rank = (int)Math.Ceiling(p * sorted.Length);
        return Math.Round(sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)], 1);
    }
}
