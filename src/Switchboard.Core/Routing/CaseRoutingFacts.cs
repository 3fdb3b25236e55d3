using Switchboard.Core.Domain;

namespace Switchboard.Core.Routing;

/// <summary>
/// The facts routing reads from a case and its latest message (visibility, followers, legal and safety
/// wording). Used by the route step and again by review actions, so a retag or an escalation is routed
/// from the same facts the first decision saw.
/// </summary>
public static class CaseRoutingFacts
{
    public static RoutingFacts For(CaseRecord c, StoredMessage? latest)
    {
        var m = latest?.Message;
        return new RoutingFacts(c.Platform, m?.IsPublic ?? c.ReplyIsPublic, c.OpenedAt)
        {
            AuthorHandle = m?.AuthorHandle ?? c.CustomerHandle,
            AuthorFollowers = m?.AuthorFollowers,
            Flags = RiskFlags.Detect(latest?.EffectiveText),
        };
    }

    /// <summary>The decision for the case as it stands (intent and severity possibly changed by reviewers).</summary>
    public static RouteInput InputOf(CaseRecord c) =>
        new(c.Intent ?? Triage.Intents.Noise, c.Severity ?? Triage.Severities.Normal, c.Confidence ?? 0, c.NeedsHuman, c.ClusterId);
}
