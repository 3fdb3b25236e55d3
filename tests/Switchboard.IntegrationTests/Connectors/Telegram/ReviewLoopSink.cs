using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Switchboard.Core.Connectors;
using Switchboard.Core.Domain;

namespace Switchboard.IntegrationTests.Connectors.Telegram;

/// <summary>
/// A stand-in for the pipeline until it is wired: every new customer message gets a review card in the team chat;
/// Approve sends the draft to the customer and marks the card decided; Edit sends the reviewer's text instead.
/// Dedupes on (platform, platform message id) like the real ingest, so the loop is real on the wire.
/// </summary>
internal sealed class ReviewLoopSink(IChatConnector connector, long teamChat) : IInboundSink
{
    public const string Draft = "Hi! Your order #4411 left our depot today and arrives tomorrow.";

    private readonly ConcurrentDictionary<string, long> _stored = new();
    private readonly ConcurrentDictionary<string, (InboundMessage Message, PostedMessageRef Card)> _open = new();

    public ConcurrentQueue<InboundMessage> Ingested { get; } = new();

    public ConcurrentQueue<CardActionRequest> Actions { get; } = new();

    public async Task<IngestResult> IngestAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        var id = _stored.Count + 1L;
        if (!_stored.TryAdd(message.Platform + "|" + message.PlatformMessageId, id))
        {
            return new IngestResult(_stored[message.Platform + "|" + message.PlatformMessageId], Duplicate: true);
        }

        Ingested.Enqueue(message);
        var n = id.ToString(CultureInfo.InvariantCulture);
        var card = new CardPayload("review", JsonNode.Parse($$"""
            {"type": "AdaptiveCard", "version": "1.5",
             "body": [
               {"type": "TextBlock", "text": "Review reply · case #{{n}}", "weight": "Bolder"},
               {"type": "FactSet", "facts": [{"title": "Customer", "value": "{{message.AuthorHandle}}"}]},
               {"type": "TextBlock", "text": {{JsonValue.Create(message.Text).ToJsonString()}}, "isSubtle": true},
               {"type": "TextBlock", "text": "**Draft:** {{Draft}}"}
             ],
             "actions": [
               {"type": "Action.Execute", "title": "Approve", "verb": "approve", "data": {"token": "tok-approve-{{n}}"} },
               {"type": "Action.Execute", "title": "Edit", "verb": "edit", "data": {"token": "tok-edit-{{n}}"} }
             ]}
            """)!.AsObject(), "Review reply for case " + n);
        var posted = await connector.PostCardAsync(new ChannelAddress("telegram", teamChat.ToString(CultureInfo.InvariantCulture)), card, cancellationToken);
        _open["tok-approve-" + n] = (message, posted);
        _open["tok-edit-" + n] = (message, posted);
        return new IngestResult(id, Duplicate: false);
    }

    public async Task<CardActionResult> HandleActionAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        Actions.Enqueue(request);
        var isEdit = request.Token.StartsWith("tok-edit-", StringComparison.Ordinal);
        if (isEdit && request.EditedText is null)
        {
            return CardActionResult.Refused("Edit needs the new text.");
        }

        var n = request.Token[(request.Token.LastIndexOf('-') + 1)..];
        if (!_open.TryRemove("tok-approve-" + n, out var entry) | !_open.TryRemove("tok-edit-" + n, out _))
        {
            return CardActionResult.Refused("This card was already decided.");
        }

        var (message, card) = entry;
        await connector.SendReplyAsync(
            new ReplyTarget("telegram", message.ChannelId, message.ConversationId, message.ThreadId, message.IsPublic, message.PlatformMessageId, message.AuthorId),
            request.EditedText ?? Draft,
            cancellationToken);
        var decided = new CardPayload("review", JsonNode.Parse($$"""
            {"type": "AdaptiveCard", "body": [{"type": "TextBlock", "text": "{{(isEdit ? "Edited and sent" : "Approved")}} by {{request.ActorHandle}}"} ]}
            """)!.AsObject(), "Decided");
        await connector.UpdateCardAsync(card, decided, cancellationToken);
        return new CardActionResult(true, "Reply sent.", long.Parse(n, CultureInfo.InvariantCulture));
    }
}
