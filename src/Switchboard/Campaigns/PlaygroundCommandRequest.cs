namespace Switchboard.Campaigns;

/// <summary>A command typed in a playground channel.</summary>
internal sealed record PlaygroundCommandRequest(string ChannelId, string Reviewer, string Text);
