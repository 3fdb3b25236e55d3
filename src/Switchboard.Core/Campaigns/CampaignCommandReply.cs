using Switchboard.Core.Connectors;

namespace Switchboard.Core.Campaigns;

/// <summary>
/// The answer to a command: a card (factsheet, checklist or kpi) or, for a usage error, text only.
/// <see cref="Queued"/> is true when the card was already written to the outbox for the command's channel
/// (a started run's checklist), so the caller must not post it again.
/// </summary>
public sealed record CampaignCommandReply(bool Ok, string Text, CardPayload? Card, bool Queued = false);
