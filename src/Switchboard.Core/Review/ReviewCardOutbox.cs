using System.Text.Json;
using System.Text.Json.Nodes;
using Switchboard.Core.Cards;
using Switchboard.Core.Connectors;
using Switchboard.Core.Domain;
using Switchboard.Core.Review.Moderation;
using Switchboard.Core.Storage;

namespace Switchboard.Core.Review;

/// <summary>
/// Turns a case into review-card outbox items: fresh action tokens, the composed card, and either
/// posts into review channels or an in-place update of every copy already posted. A trust &amp; safety case
/// also gets tokens for the moderation buttons its connector supports.
/// </summary>
/// <param name="campaigns">When campaigns are configured: puts the campaign facts of the case's message on the card.</param>
public sealed class ReviewCardOutbox(ICardComposer composer, TimeProvider time, ModerationCatalog moderation, Campaigns.CampaignMonitor? campaigns = null)
{
    public static readonly string[] ReviewActions = ["approve", "edit", "escalate", "retag"];

    /// <summary>Wildcard connector of an update: the sender fans it out to every posted copy.</summary>
    public const string AllPosts = "*";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="c">The case as the card will show it: its intent and connector decide the moderation buttons.</param>
    public (IReadOnlyList<ActionTokenDraft> Drafts, IReadOnlyDictionary<string, string> ByAction) IssueTokens(CaseRecord c)
    {
        var byAction = ReviewActions.Concat(moderation.ActionsFor(c)).ToDictionary(a => a, _ => ActionTokenGenerator.NewToken());
        return (byAction.Select(kv => new ActionTokenDraft(kv.Value, kv.Key)).ToArray(), byAction);
    }

    /// <param name="nextVersion">The version the case will have once the commit carrying these items lands.</param>
    public CardPayload Compose(string kind, CaseRecord c, int nextVersion, StoredMessage? latest, IReadOnlyList<string> reasons, int clusterSize, IReadOnlyDictionary<string, string>? tokens, string? outcome)
    {
        var now = time.GetUtcNow();
        var insight = latest is null ? null : campaigns?.Inspect(latest.Message.AuthorHandle, latest.EffectiveText, latest.Message.SentAt);
        var data = ReviewCardData.Build(c with { Version = nextVersion }, latest, reasons, clusterSize, tokens, outcome, now,
            insight is null ? null : Campaigns.CampaignReviewFacts.Build(insight, latest!.Message.SentAt));
        return composer.Compose(kind, data);
    }

    public static IEnumerable<OutboxItemDraft> PostTo(IEnumerable<ChannelAddress> channels, CardPayload card) =>
        channels.Select(channel => new OutboxItemDraft(
            OutboxKinds.PostCard,
            channel.Connector,
            JsonSerializer.Serialize(channel, Json),
            SerializeCard(card),
            card.Kind));

    public static OutboxItemDraft UpdateAll(long caseId, CardPayload card) =>
        new(OutboxKinds.UpdateCard, AllPosts, JsonSerializer.Serialize(new CardUpdateTarget(caseId, card.Kind), Json), SerializeCard(card), card.Kind);

    public static OutboxItemDraft Reply(ReplyTarget target, string text) =>
        new(OutboxKinds.Reply, target.Connector, JsonSerializer.Serialize(target, Json), JsonSerializer.Serialize(new ReplyPayload(text), Json));

    public static string SerializeCard(CardPayload card) =>
        new JsonObject { ["kind"] = card.Kind, ["card"] = card.Card.DeepClone(), ["fallbackText"] = card.FallbackText }.ToJsonString();

    public static CardPayload DeserializeCard(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        return new CardPayload(node["kind"]!.GetValue<string>(), node["card"]!.AsObject(), node["fallbackText"]?.GetValue<string>() ?? string.Empty);
    }

    public static ReplyTarget ReplyTargetOf(CaseRecord c) =>
        new(c.Connector, c.ReplyChannelId ?? string.Empty, c.ReplyConversationId ?? string.Empty, c.ReplyThreadId, c.ReplyIsPublic,
            c.ReplyToPlatformMessageId, CustomerId(c))
        { Platform = c.Platform };

    /// <summary>The customer's DM, for the private half of a reply that moves the conversation out of public.</summary>
    public static ReplyTarget DirectMessageTargetOf(CaseRecord c) =>
        new(c.Connector, string.Empty, string.Empty, null, false, null, CustomerId(c)) { Platform = c.Platform };

    /// <summary>The outbox replies for the case's drafts: the reply where the customer wrote, and the DM half if any.</summary>
    public static IEnumerable<OutboxItemDraft> Replies(CaseRecord c, string text)
    {
        yield return Reply(ReplyTargetOf(c), text);
        if (c.ReplyIsPublic && !string.IsNullOrWhiteSpace(c.DraftPrivateText))
        {
            yield return Reply(DirectMessageTargetOf(c), c.DraftPrivateText);
        }
    }

    private static string CustomerId(CaseRecord c) => c.CustomerKey[(c.CustomerKey.IndexOf(':', StringComparison.Ordinal) + 1)..];
}

/// <summary>The target of a card update: every copy of one case's card of one kind.</summary>
public sealed record CardUpdateTarget(long CaseId, string CardKind);

public sealed record ReplyPayload(string Text);
