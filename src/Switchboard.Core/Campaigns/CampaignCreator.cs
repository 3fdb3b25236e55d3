namespace Switchboard.Core.Campaigns;

/// <summary>A creator on the campaign; <see cref="Handle"/> starts with @.</summary>
public sealed record CampaignCreator(string Name, string Handle, IReadOnlyList<string> Platforms);
