using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Switchboard.Core.Connectors;
using Switchboard.Core.Storage;

namespace Switchboard.Connectors.Teams;

/// <summary>
/// Handles authenticated activities. Every activity refreshes the stored conversation reference (so review
/// cards can be posted proactively once the bot is installed or spoken to). Card actions arrive as
/// adaptiveCard/action invokes (Action.Execute), answered with a card saying the outcome, or as message
/// activities whose value carries the verb and token (Action.Submit). Teams is a review surface only:
/// plain messages are not ingested as customer messages.
/// </summary>
internal sealed class TeamsActivityHandler(
    ITeamsConversationStore conversations,
    TeamsConnectorClient client,
    TeamsActivityDeduplicator deduplicator,
    TimeProvider time,
    ILogger<TeamsActivityHandler> logger)
{
    public const string ActionInvokeName = "adaptiveCard/action";

    public async Task<TeamsInvokeResponse> HandleAsync(JsonObject activity, IInboundSink sink, CancellationToken cancellationToken)
    {
        var type = Str(activity, "type");
        await RememberConversationAsync(activity, cancellationToken);
        return type switch
        {
            "invoke" => await deduplicator.RunOnceAsync(Str(activity, "id"), () => HandleInvokeAsync(activity, sink, cancellationToken)),
            "message" when activity["value"] is JsonObject => await deduplicator.RunOnceAsync(Str(activity, "id"), () => HandleSubmitAsync(activity, sink, cancellationToken)),
            _ => TeamsInvokeResponse.Ok,
        };
    }

    internal static CardActionRequest? ActionRequest(JsonObject activity, JsonObject? data)
    {
        var token = data is null ? null : Str(data, "token");
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        var from = activity["from"] as JsonObject;
        var actor = (from is null ? null : Str(from, "aadObjectId")) ?? (from is null ? null : Str(from, "id"));
        if (string.IsNullOrWhiteSpace(actor))
        {
            return null;
        }

        return new CardActionRequest(
            token,
            actor,
            from is null ? null : Str(from, "name"),
            TeamsConnector.ConnectorName,
            EditedText: NonEmpty(data, "editedText"),
            NewIntent: NonEmpty(data, "newIntent"),
            Assignee: NonEmpty(data, "assignee"));
    }

    private async Task<TeamsInvokeResponse> HandleInvokeAsync(JsonObject activity, IInboundSink sink, CancellationToken cancellationToken)
    {
        if (Str(activity, "name") != ActionInvokeName)
        {
            // Like the SDK's ActivityHandler: an invoke nobody handles is "not implemented".
            return new TeamsInvokeResponse(501, null);
        }

        var action = activity["value"]?["action"] as JsonObject;
        if (action is null || Str(action, "type") != "Action.Execute")
        {
            return TeamsInvokeResponse.Error(400, "BadRequest", "Only Action.Execute is supported.");
        }

        var request = ActionRequest(activity, action["data"] as JsonObject);
        if (request is null)
        {
            return TeamsInvokeResponse.Error(400, "BadRequest", "The action carries no token or no user.");
        }

        var result = await sink.HandleActionAsync(request, cancellationToken);
        var verb = Str(action, "verb") ?? "?";
        logger.TeamsActionHandled(verb, result.Accepted);
        // The outbox then PUTs the full updated card for everyone in the channel.
        return TeamsInvokeResponse.Card(TeamsCardRenderer.OutcomeCard(result));
    }

    private async Task<TeamsInvokeResponse> HandleSubmitAsync(JsonObject activity, IInboundSink sink, CancellationToken cancellationToken)
    {
        var request = ActionRequest(activity, activity["value"] as JsonObject);
        if (request is null)
        {
            return TeamsInvokeResponse.Ok;
        }

        var result = await sink.HandleActionAsync(request, cancellationToken);
        var verb = Str(activity["value"]!.AsObject(), "verb") ?? "?";
        logger.TeamsActionHandled(verb, result.Accepted);
        if (!result.Accepted && Str(activity, "serviceUrl") is { } serviceUrl && activity["conversation"]?["id"]?.GetValue<string>() is { } conversationId)
        {
            // Action.Submit has no response card: say why in the conversation, under the card that was clicked.
            var reply = new JsonObject { ["type"] = "message", ["textFormat"] = "plain", ["text"] = "Not done: " + result.Message };
            try
            {
                if (Str(activity, "replyToId") is { } replyTo)
                {
                    await client.ReplyAsync(serviceUrl, conversationId, replyTo, reply, cancellationToken);
                }
                else
                {
                    await client.SendAsync(serviceUrl, conversationId, reply, cancellationToken);
                }
            }
            catch (ConnectorException ex)
            {
                logger.TeamsRefusalNotSent(ex.Failure);
            }
        }

        return TeamsInvokeResponse.Ok;
    }

    private async Task RememberConversationAsync(JsonObject activity, CancellationToken cancellationToken)
    {
        var serviceUrl = Str(activity, "serviceUrl");
        var conversation = activity["conversation"] as JsonObject;
        var conversationId = conversation is null ? null : Str(conversation, "id");
        var channelId = Str(activity, "channelId");
        if (serviceUrl is null || conversationId is null || channelId is null)
        {
            return;
        }

        // A channel thread ("19:…@thread.tacv2;messageid=…") belongs to its channel: remember the channel itself.
        var baseId = conversationId.Split(";messageid=", 2)[0];
        var tenant = (conversation is null ? null : Str(conversation, "tenantId")) ?? activity["channelData"]?["tenant"]?["id"]?.GetValue<string>();
        var reference = new TeamsConversationReference(
            baseId,
            serviceUrl,
            tenant,
            activity["recipient"]?["id"]?.GetValue<string>(),
            channelId,
            conversation is null ? null : Str(conversation, "conversationType"),
            time.GetUtcNow());
        var known = await conversations.GetAsync(baseId, cancellationToken);
        if (known is null || known.ServiceUrl != reference.ServiceUrl || known.BotId != reference.BotId || known.TenantId != reference.TenantId)
        {
            await conversations.UpsertAsync(reference, cancellationToken);
            logger.TeamsConversationRemembered(reference.ConversationType ?? "unknown");
        }
    }

    internal static string? Str(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static string? NonEmpty(JsonObject? o, string name) =>
        o is not null && Str(o, name) is { } s && !string.IsNullOrWhiteSpace(s) ? s : null;
}
