using Switchboard.Core.Domain;
using Switchboard.Core.Triage;

namespace Switchboard.Core.Review.Moderation;

/// <summary>The platform moderators registered by the enabled connectors, and which buttons a case's card offers.</summary>
public sealed class ModerationCatalog(IEnumerable<IChatModerator> moderators)
{
    /// <summary>The moderator for a connector, if that connector can moderate.</summary>
    public IChatModerator? For(string connector) =>
        moderators.FirstOrDefault(m => string.Equals(m.Connector, connector, StringComparison.Ordinal));

    /// <summary>The moderation actions a card for this case offers: none unless it is a trust &amp; safety case on a connector with a moderator.</summary>
    public IReadOnlyList<string> ActionsFor(CaseRecord c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.Intent == Intents.TrustSafety && For(c.Connector) is { } moderator
            ? ModerationActions.All.Where(moderator.Actions.Contains).ToList()
            : [];
    }
}
