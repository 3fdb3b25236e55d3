using Switchboard.Core.Connectors;

namespace Switchboard.Core.Routing.Sla;

/// <summary>What to post: an SLA warning or breach for one clock, with the teams and channels to post it to.</summary>
/// <param name="Clock">One of <see cref="SlaClockKinds"/>.</param>
/// <param name="NotifyTeams">The owner team first, then the escalation path.</param>
/// <param name="Channels">The review channels of <paramref name="NotifyTeams"/>, without duplicates.</param>
/// <param name="Text">A one-line message for the card or post (no personal data).</param>
public sealed record SlaAlert(
    SlaAlertKind Kind,
    string Clock,
    DateTimeOffset DueAt,
    DateTimeOffset RaisedAt,
    IReadOnlyList<string> NotifyTeams,
    IReadOnlyList<ChannelAddress> Channels,
    string Text);
