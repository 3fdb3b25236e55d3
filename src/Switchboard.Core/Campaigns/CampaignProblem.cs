namespace Switchboard.Core.Campaigns;

/// <summary>One problem in a campaign folder, with the path of the offending value (file: key[index].key).</summary>
public sealed record CampaignProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
