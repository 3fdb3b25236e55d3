namespace Switchboard.Core.Campaigns;

/// <summary>The checklist phases, in order.</summary>
public static class CampaignPhases
{
    public const string PreLaunch = "pre-launch";
    public const string GoLive = "go-live";
    public const string PostLaunch = "post-launch";

    public static readonly IReadOnlyList<string> All = [PreLaunch, GoLive, PostLaunch];
}
