using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Switchboard.Core.Connectors;
using Switchboard.Core.Domain;

namespace Switchboard.IntegrationTests.Connectors.Slack;

/// <summary>
/// Stands in for the pipeline until it is merged: stores messages (deduplicating on platform message id),
/// lets <see cref="LoopbackPipelineWorker"/> post a review card per message, and on an action sends the
/// reply and marks the card done through the connector, so the whole loop runs on the wire.
/// </summary>
internal sealed class LoopbackReviewSink(IEnumerable<IChatConnector> connectors) : IInboundSink
{
    public const string TeamChannel = "CTEAM";
    public const string InternUser = "UINTERN";
    public const string Refusal = "You need the finance lead role to approve refunds.";

    private readonly ConcurrentDictionary<string, long> _stored = new(StringComparer.Ordinal);
    private readonly Channel<(long Id, InboundMessage Message)> _toReview = Channel.CreateUnbounded<(long, InboundMessage)>();
    private long _nextId;
    private int _failNextIngest;

    public ConcurrentQueue<InboundMessage> Messages { get; } = new();

    public ConcurrentQueue<CardActionRequest> Actions { get; } = new();

    public ConcurrentDictionary<long, LoopbackCase> Cases { get; } = new();

    public ChannelReader<(long Id, InboundMessage Message)> ToReview => _toReview.Reader;

    private IChatConnector Connector => connectors.Single(c => c.Name == "slack");

    /// <summary>Waits (bounded) until the sink has received <paramref name="count"/> card actions.</summary>
    public async Task<CardActionRequest[]> WaitForActionsAsync(int count, CancellationToken cancellationToken)
    {
        for (var waited = 0; Actions.Count < count; waited += 20)
        {
            if (waited > 10_000)
            {
                throw new TimeoutException($"The sink got {Actions.Count} actions, expected {count}.");
            }

            await Task.Delay(20, cancellationToken);
        }

        return [.. Actions];
    }

    /// <summary>Makes the next ingest fail as a locked database would, so Slack's redelivery has to bring the event back.</summary>
    public void FailNextIngest() => Interlocked.Exchange(ref _failNextIngest, 1);

    public Task<IngestResult> IngestAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _failNextIngest, 0) == 1)
        {
            throw new InvalidOperationException("database is locked");
        }

        if (_stored.TryGetValue(message.PlatformMessageId, out var existing))
        {
            return Task.FromResult(new IngestResult(existing, Duplicate: true));
        }

        var id = Interlocked.Increment(ref _nextId);
        _stored[message.PlatformMessageId] = id;
        Messages.Enqueue(message);
        _toReview.Writer.TryWrite((id, message));
        return Task.FromResult(new IngestResult(id, Duplicate: false));
    }

    public async Task<CardActionResult> HandleActionAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        Actions.Enqueue(request);
        var found = Cases.Values.FirstOrDefault(c => c.Tokens.ContainsKey(request.Token));
        if (found is null)
        {
            return CardActionResult.Refused("This card is out of date.");
        }

        if (request.ActorId == InternUser)
        {
            return CardActionResult.Refused(Refusal, found.Id);
        }

        var verb = found.Tokens[request.Token];
        if (verb == "retag")
        {
            found.Intent = request.NewIntent;
            return new CardActionResult(true, "Retagged.", found.Id);
        }

        if (found.Done)
        {
            return CardActionResult.Refused("This case was already answered.", found.Id);
        }

        found.Done = true;
        var message = found.Message;
        if (verb is "approve" or "edit")
        {
            var target = new ReplyTarget("slack", message.ChannelId, message.ConversationId, message.ThreadId, message.IsPublic, message.PlatformMessageId, message.AuthorId);
            await Connector.SendReplyAsync(target, request.EditedText ?? found.Draft, cancellationToken);
        }

        var outcome = verb == "escalate" ? "Escalated" : request.EditedText is null ? "Approved" : "Edited and sent";
        await Connector.UpdateCardAsync(found.Posted!, LoopbackCards.Done(found.Id, $"{outcome} by @{request.ActorHandle}"), cancellationToken);
        return new CardActionResult(true, outcome + ".", found.Id);
    }
}

/// <summary>One case of the loopback sink: its message, draft, action tokens and where its card sits.</summary>
internal sealed class LoopbackCase(long id, InboundMessage message, string draft, Dictionary<string, string> tokens)
{
    public long Id { get; } = id;

    public InboundMessage Message { get; } = message;

    public string Draft { get; } = draft;

    public Dictionary<string, string> Tokens { get; } = tokens;

    public PostedMessageRef? Posted { get; set; }

    public bool Done { get; set; }

    public string? Intent { get; set; }
}

/// <summary>Review cards as the cards templates would expand them.</summary>
internal static class LoopbackCards
{
    public static CardPayload Review(long caseId, string customerText, string draft, Dictionary<string, string> tokens)
    {
        string Token(string verb) => tokens.First(t => t.Value == verb).Key;
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["version"] = "1.5",
            ["body"] = new JsonArray(
                new JsonObject { ["type"] = "TextBlock", ["text"] = $"Review reply · case #{caseId}", ["style"] = "heading" },
                new JsonObject
                {
                    ["type"] = "FactSet",
                    ["facts"] = new JsonArray(
                        new JsonObject { ["title"] = "Intent", ["value"] = "billing" },
                        new JsonObject { ["title"] = "Severity", ["value"] = "high" }),
                },
                new JsonObject { ["type"] = "TextBlock", ["text"] = "**Customer wrote:** " + customerText, ["wrap"] = true },
                new JsonObject { ["type"] = "TextBlock", ["id"] = "draft", ["text"] = draft, ["wrap"] = true },
                new JsonObject { ["type"] = "TextBlock", ["text"] = "Routed to Billing", ["isSubtle"] = true },
                new JsonObject
                {
                    ["type"] = "Input.ChoiceSet",
                    ["id"] = "intent",
                    ["choices"] = new JsonArray(
                        new JsonObject { ["title"] = "Billing", ["value"] = "billing" },
                        new JsonObject { ["title"] = "Outage", ["value"] = "outage" }),
                }),
            ["actions"] = new JsonArray(
                Execute("Approve", "approve", Token("approve"), "positive"),
                Execute("Edit", "edit", Token("edit"), null),
                Execute("Escalate", "escalate", Token("escalate"), "destructive"),
                Execute("Retag", "retag", Token("retag"), null)),
        };
        return new CardPayload("review", card, $"Review reply for case #{caseId}");
    }

    public static CardPayload Done(long caseId, string outcome) => new("review", new JsonObject
    {
        ["type"] = "AdaptiveCard",
        ["version"] = "1.5",
        ["body"] = new JsonArray(
            new JsonObject { ["type"] = "TextBlock", ["text"] = $"Case #{caseId}", ["style"] = "heading" },
            new JsonObject { ["type"] = "TextBlock", ["text"] = outcome, ["wrap"] = true }),
    }, $"Case #{caseId}: {outcome}");

    private static JsonObject Execute(string title, string verb, string token, string? style)
    {
        var action = new JsonObject { ["type"] = "Action.Execute", ["title"] = title, ["verb"] = verb, ["data"] = new JsonObject { ["token"] = token } };
        if (style is not null)
        {
            action["style"] = style;
        }

        return action;
    }
}
