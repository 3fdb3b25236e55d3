namespace Switchboard.Core.Campaigns;

/// <summary>A loaded campaign, or every problem that kept it from loading (never both a campaign and problems).</summary>
public sealed record CampaignLoadResult(Campaign? Campaign, IReadOnlyList<CampaignProblem> Problems)
{
    public bool IsValid => Campaign is not null && Problems.Count == 0;
}
