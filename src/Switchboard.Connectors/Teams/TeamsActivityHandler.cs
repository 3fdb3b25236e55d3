using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Switchboard.Core.Campaigns;
using Switchboard.Core.Connectors;
using Switchboard.Core.Storage;

namespace Switchboard.Connectors.Teams;

/// <summary>
/// Handles authenticated activities. Every activity refreshes the stored conversation reference (so review
/// cards can be posted proactively once the bot is installed or spoken to). Card actions arrive as
/// adaptiveCard/action invokes (Action.Execute), answered with a card saying the outcome, or as message
/// activities whose value carries the verb and token (Action.Submit). Teams is a review surface only:
/// plain messages are not ingested as customer messages; a message whose text is a campaign command
/// (<c>/campaign …</c>, <c>/staffing …</c>, in a personal chat or after an @mention of the bot) runs it, and
/// its answer card is posted in that conversation.
/// </summary>
internal sealed partial class TeamsActivityHandler(
    ITeamsConversationStore conversations,
    TeamsConnectorClient client,
    TeamsActivityDeduplicator deduplicator,
    TimeProvider time,
    ILogger<TeamsActivityHandler> logger,
    CampaignChatCommands? commands = null)
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
            "message" when CommandText(activity) is { } text => await deduplicator.RunOnceAsync(Str(activity, "id"), () => HandleCommandAsync(activity, text, cancellationToken)),
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
        return TeamsInvokeResponse.Card(TeamsActivities.OutcomeCard(result));
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

    /// <summary>
    /// The message's text without the bot's @mention (<c>&lt;at&gt;Switchboard&lt;/at&gt;</c> in channels), when it is a campaign
    /// command; null otherwise.
    /// </summary>
    internal static string? CommandText(JsonObject activity)
    {
        if (Str(activity, "text") is not { } text)
        {
            return null;
        }

        var stripped = MentionTag().Replace(text, string.Empty).Replace("&nbsp;", " ", StringComparison.Ordinal).Trim();
        return CampaignChatCommands.IsCommand(stripped) ? stripped : null;
    }

    /// <summary>Runs a command; the answer card reaches the conversation through the outbox, a refusal is replied at once.</summary>
    private async Task<TeamsInvokeResponse> HandleCommandAsync(JsonObject activity, string text, CancellationToken cancellationToken)
    {
        var from = activity["from"] as JsonObject;
        var user = (from is null ? null : Str(from, "aadObjectId")) ?? (from is null ? null : Str(from, "id"));
        var conversationId = activity["conversation"]?["id"]?.GetValue<string>();
        if (user is null || conversationId is null)
        {
            return TeamsInvokeResponse.Ok;
        }

        string? refusal = null;
        if (commands is null)
        {
            refusal = "Campaign commands are not enabled on this Switchboard.";
        }
        else
        {
            // Cards go to the conversation itself (a channel, not the thread of the command), as review cards do.
            var channel = new ChannelAddress(TeamsConnector.ConnectorName, conversationId.Split(";messageid=", 2)[0]);
            var reply = await commands.RunAsync(TeamsConnector.ConnectorName, user, text, channel, cancellationToken);
            refusal = reply.Ok ? null : reply.Text;
        }

        logger.TeamsCommandHandled(refusal is null);
        if (refusal is not null && Str(activity, "serviceUrl") is { } serviceUrl)
        {
            var message = new JsonObject { ["type"] = "message", ["textFormat"] = "plain", ["text"] = refusal };
            try
            {
                await (Str(activity, "id") is { } replyTo
                    ? client.ReplyAsync(serviceUrl, conversationId, replyTo, message, cancellationToken)
                    : client.SendAsync(serviceUrl, conversationId, message, cancellationToken));
            }
            catch (ConnectorException ex)
            {
                logger.TeamsRefusalNotSent(ex.Failure);
            }
        }

        return TeamsInvokeResponse.Ok;
    }

    [GeneratedRegex("<at[^>]*>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline, 200)]
    private static partial Regex MentionTag();

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
