namespace Switchboard.Core.Drafting;

/// <summary>
/// A reply in three parts: acknowledge (mirror the issue in plain words), act (the next step and what we need),
/// anchor (timing and where the conversation continues). Parts may hold slots: <c>{name|there}</c>, <c>{ref}</c>,
/// <c>{campaign.offer}</c>, <c>{link.status_page}</c>.
/// </summary>
public sealed record ReplyTemplate(string Id, string Acknowledge, string Act, string Anchor);
