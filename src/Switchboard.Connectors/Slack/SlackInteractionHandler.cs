using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Switchboard.Core.Cards.Rendering.Slack;
using Switchboard.Core.Connectors;

namespace Switchboard.Connectors.Slack;

/// <summary>
/// Handles interactivity payloads (the same JSON over HTTP and Socket Mode). A button press on a card
/// (<c>block_actions</c>) runs the action through <see cref="IInboundSink.HandleActionAsync"/> and explains a
/// refusal in an ephemeral message to the person who pressed it. Edit opens the modal at once, because the
/// trigger_id dies 3 seconds after the click; its <c>view_submission</c> carries the edited text to the sink,
/// and a refusal is shown inside the modal.
/// </summary>
internal sealed class SlackInteractionHandler(SlackApiClient api, ILogger<SlackInteractionHandler> logger)
{
    public const string EditVerb = "edit";
    private const string Connector = SlackEventMapper.ConnectorName;

    /// <summary>True when Slack waits for a response body (a view_submission may answer with errors).</summary>
    public static bool NeedsResponse(JsonObject payload) => Str(payload, "type") == "view_submission";

    /// <summary>True for button presses, which may be acknowledged first and run afterwards.</summary>
    public static bool IsBlockActions(JsonObject payload) => Str(payload, "type") == "block_actions";

    /// <summary>Handles one payload; returns the response body Slack should get, or null for an empty 200.</summary>
    public Task<JsonObject?> HandleAsync(JsonObject payload, IInboundSink sink, CancellationToken cancellationToken) =>
        HandleAsync(payload, sink, openModals: true, cancellationToken);

    /// <summary>Runs a block_actions payload whose Edit modals <see cref="OpenModalsAsync"/> already opened.</summary>
    public Task HandleAcknowledgedAsync(JsonObject payload, IInboundSink sink, CancellationToken cancellationToken) =>
        HandleAsync(payload, sink, openModals: false, cancellationToken);

    private async Task<JsonObject?> HandleAsync(JsonObject payload, IInboundSink sink, bool openModals, CancellationToken cancellationToken)
    {
        switch (Str(payload, "type"))
        {
            case "block_actions":
                await HandleBlockActionsAsync(payload, sink, openModals, cancellationToken);
                return null;
            case "view_submission":
                return await HandleViewSubmissionAsync(payload, sink, cancellationToken);
            default:
                // view_closed, shortcuts and the like: nothing to do, but acknowledge.
                var type = Str(payload, "type") ?? "unknown";
                logger.SlackInteractionIgnored(type);
                return null;
        }
    }

    /// <summary>Opens the Edit modal for every Edit press in a block_actions payload, before anything else: the trigger_id dies 3 s after the click.</summary>
    public async Task OpenModalsAsync(JsonObject payload, CancellationToken cancellationToken)
    {
        var container = payload["container"] as JsonObject;
        var channel = (container is null ? null : Str(container, "channel_id")) ?? (payload["channel"] is JsonObject ch ? Str(ch, "id") : null);
        var messageTs = container is null ? null : Str(container, "message_ts");
        foreach (var action in (payload["actions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (SlackCardRenderer.TryParseActionId(Str(action, "action_id"), out var verb, out var idToken) && verb == EditVerb)
            {
                await OpenEditModalAsync(payload, Str(action, "value") ?? idToken, channel, messageTs, cancellationToken);
            }
        }
    }

    private async Task HandleBlockActionsAsync(JsonObject payload, IInboundSink sink, bool openModals, CancellationToken cancellationToken)
    {
        if (payload["user"] is not JsonObject user || Str(user, "id") is not { } userId)
        {
            return;
        }

        var container = payload["container"] as JsonObject;
        var channel = (container is null ? null : Str(container, "channel_id")) ?? (payload["channel"] is JsonObject ch ? Str(ch, "id") : null);
        var messageTs = container is null ? null : Str(container, "message_ts");
        foreach (var action in (payload["actions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (!SlackCardRenderer.TryParseActionId(Str(action, "action_id"), out var verb, out var idToken))
            {
                continue;
            }

            // Buttons carry the token as their value; a select carries the chosen option, so its token sits in the action_id.
            var token = Str(action, "value") ?? idToken;
            if (verb == EditVerb)
            {
                if (openModals)
                {
                    await OpenEditModalAsync(payload, token, channel, messageTs, cancellationToken);
                }

                continue;
            }

            var newIntent = action["selected_option"] is JsonObject option ? Str(option, "value") : null;
            var request = new CardActionRequest(token, userId, Handle(user), Connector, NewIntent: newIntent);
            var result = await sink.HandleActionAsync(request, cancellationToken);
            logger.SlackCardAction(verb, result.Accepted);
            if (!result.Accepted && channel is not null)
            {
                await TryPostEphemeralAsync(channel, userId, result.Message, container is null ? null : Str(container, "thread_ts"), cancellationToken);
            }
        }
    }

    private async Task OpenEditModalAsync(JsonObject payload, string token, string? channel, string? messageTs, CancellationToken cancellationToken)
    {
        var triggerId = Str(payload, "trigger_id");
        if (triggerId is null)
        {
            return;
        }

        var draft = FindDraft(payload["message"] as JsonObject);
        await api.OpenViewAsync(triggerId, SlackEditModal.Build(new SlackEditMetadata(token, channel, messageTs), draft), cancellationToken);
    }

    private async Task<JsonObject?> HandleViewSubmissionAsync(JsonObject payload, IInboundSink sink, CancellationToken cancellationToken)
    {
        if (payload["view"] is not JsonObject view || Str(view, "callback_id") != SlackEditModal.CallbackId
            || SlackEditModal.ReadMetadata(Str(view, "private_metadata")) is not { } metadata
            || payload["user"] is not JsonObject user || Str(user, "id") is not { } userId)
        {
            return null;
        }

        var text = SlackEditModal.ReadSubmittedText(view);
        if (string.IsNullOrWhiteSpace(text))
        {
            return Errors("Write the reply before sending it.");
        }

        var result = await sink.HandleActionAsync(new CardActionRequest(metadata.Token, userId, Handle(user), Connector, EditedText: text), cancellationToken);
        logger.SlackCardAction(EditVerb, result.Accepted);
        return result.Accepted ? null : Errors(result.Message);
    }

    private async Task TryPostEphemeralAsync(string channel, string userId, string message, string? threadTs, CancellationToken cancellationToken)
    {
        try
        {
            await api.PostEphemeralAsync(channel, userId, SlackCardRenderer.Escape(message), threadTs, cancellationToken);
        }
        catch (ConnectorException ex)
        {
            // The refusal itself stands; only its explanation is lost.
            logger.SlackEphemeralFailed(ex.Failure.ToString(), ex);
        }
    }

    private static string FindDraft(JsonObject? message)
    {
        foreach (var block in (message?["blocks"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (Str(block, "block_id") == SlackCardRenderer.DraftBlockId && block["text"] is JsonObject text)
            {
                return (Str(text, "text") ?? string.Empty).Trim();
            }
        }

        return string.Empty;
    }

    private static JsonObject Errors(string message) => new()
    {
        ["response_action"] = "errors",
        ["errors"] = new JsonObject { [SlackEditModal.InputBlockId] = SlackCardRenderer.Truncate(message, 2000) },
    };

    private static string? Handle(JsonObject user) => Str(user, "username") ?? Str(user, "name");

    private static string? Str(JsonObject obj, string name) => SlackEventMapper.Str(obj, name);
}
