namespace Switchboard.Core.Campaigns;

/// <summary>Why a message belongs to a campaign: the codes, creator handles and landing page it names.</summary>
public sealed record CampaignTag(string Campaign, IReadOnlyList<string> Codes, IReadOnlyList<string> Handles, bool LandingPage)
{
    public bool MentionsCode => Codes.Count > 0;
}
