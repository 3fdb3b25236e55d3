using Switchboard.Core.Connectors;

namespace Switchboard.Core.Campaigns;

/// <summary>A chat command as a connector hands it over: the text ("/campaign start maya-launch20"), who typed it and where.</summary>
public sealed record CampaignCommand(string Text, string Reviewer, ChannelAddress Channel);
