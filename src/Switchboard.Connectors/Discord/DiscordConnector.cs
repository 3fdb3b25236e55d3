using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Core.Campaigns;
using Switchboard.Core.Cards.Rendering;
using Switchboard.Core.Connectors;
using Switchboard.Core.Domain;

namespace Switchboard.Connectors.Discord;

/// <summary>
/// Discord as a connector: the Gateway brings customer messages (guild channels, their threads, DMs) and
/// card button presses; REST posts cards, edits them, and sends replies. Interactions get their initial
/// response inline in the gateway loop (inside Discord's 3 s), and the card action itself runs on a
/// bounded queue beside it, ending with an ephemeral follow-up to the person who pressed.
/// </summary>
internal sealed class DiscordConnector(
    DiscordRestClient rest,
    DiscordInboundMapper mapper,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<DiscordConnector> logger,
    CardSurfaceRenderers? renderers = null,
    CampaignChatCommands? commands = null) : IChatConnector, IMessagePinner
{
    public const string ConnectorName = "discord";

    private readonly DiscordGateway _gateway = new(options.Value, time, logger) { SessionStartWaitAsync = ct => SessionStartWaitAsync(rest, ct) };
    private readonly ConcurrentDictionary<string, string> _dmChannels = new(StringComparer.Ordinal);
    private readonly RecentIds _interactions = new(2048);

    // Modals the cards renderer built for "open a modal" buttons, by button custom_id (bounded; after a restart
    // the connector falls back to its own modal, which is built from the posted card).
    private readonly ConcurrentDictionary<string, JsonObject> _modals = new(StringComparer.Ordinal);

    public string Name => ConnectorName;

    internal DiscordGateway Gateway => _gateway;

    public async Task ReceiveAsync(IInboundSink sink, CancellationToken cancellationToken)
    {
        await RegisterCommandsAsync(cancellationToken);
        var work = Channel.CreateBounded<PendingAction>(new BoundedChannelOptions(256) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var actions = RunActionsAsync(work.Reader, sink, stop.Token);
        try
        {
            await _gateway.RunAsync((type, data, ct) => DispatchAsync(type, data, sink, work.Writer, ct), cancellationToken);
        }
        finally
        {
            work.Writer.TryComplete();
            await stop.CancelAsync();
            await actions.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }

    /// <summary>PUT /channels/{channel.id}/messages/pins/{message.id} (the bot needs PIN_MESSAGES: since 23 February 2026 MANAGE_MESSAGES alone no longer pins).</summary>
    public async Task PinAsync(PostedMessageRef message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await rest.PinMessageAsync(message.ChannelId, message.PlatformMessageId, "Switchboard: approved campaign clarification", cancellationToken);
    }

    /// <summary>Bulk-overwrites /campaign and /staffing when configured; best effort, so a failure never stops receiving.</summary>
    private async Task RegisterCommandsAsync(CancellationToken cancellationToken)
    {
        var config = options.Value;
        if (!config.RegisterCommands || config.ApplicationId is not { } application)
        {
            return;
        }

        try
        {
            await rest.OverwriteCommandsAsync(application, config.CommandGuildId, DiscordCommands.Definitions(global: config.CommandGuildId is null), cancellationToken);
            Log.CommandsRegistered(logger, config.CommandGuildId is null ? "global" : "guild");
        }
        catch (ConnectorException ex)
        {
            Log.CommandsNotRegistered(logger, ex.Failure);
        }
    }

    public async Task<PostedMessageRef> PostCardAsync(ChannelAddress channel, CardPayload card, CancellationToken cancellationToken)
    {
        var body = Render(card);
        var target = channel.ThreadId ?? channel.ChannelId;
        body["nonce"] = Nonce(target, body.ToJsonString());
        body["enforce_nonce"] = true;
        var created = await rest.CreateMessageAsync(target, body, cancellationToken);
        return new PostedMessageRef(Name, target, (string?)created["id"] ?? throw new ConnectorException(ConnectorFailure.Transient, "Discord returned a message without id."));
    }

    public async Task UpdateCardAsync(PostedMessageRef posted, CardPayload card, CancellationToken cancellationToken)
    {
        var body = Render(card);
        if (!body.ContainsKey("content"))
        {
            // An edit keeps fields it does not mention: clear any fallback text a previous version had.
            body["content"] = string.Empty;
        }

        await rest.EditMessageAsync(posted.ChannelId, posted.PlatformMessageId, body, cancellationToken);
    }

    public async Task<PostedMessageRef> SendReplyAsync(ReplyTarget target, string text, CancellationToken cancellationToken)
    {
        string channel;
        if (target.IsPublic)
        {
            channel = target.ThreadId ?? target.ChannelId;
        }
        else if (DiscordOptionsValidator.IsSnowflake(target.RecipientId))
        {
            channel = await DmChannelAsync(target.RecipientId!, cancellationToken);
        }
        else
        {
            channel = target.ConversationId.Length > 0 ? target.ConversationId : target.ChannelId;
        }

        string? first = null;
        var parts = DiscordMessageSplitter.Split(text);
        for (var i = 0; i < parts.Count; i++)
        {
            var body = new JsonObject
            {
                ["content"] = parts[i],
                ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() },
                ["nonce"] = Nonce(channel, $"{i}|{target.ReplyToPlatformMessageId}|{parts[i]}"),
                ["enforce_nonce"] = true,
            };
            if (i == 0 && target.IsPublic && DiscordOptionsValidator.IsSnowflake(target.ReplyToPlatformMessageId))
            {
                // Answer as a reply to the customer's message, in its thread; still send if it was deleted.
                body["message_reference"] = new JsonObject { ["message_id"] = target.ReplyToPlatformMessageId, ["fail_if_not_exists"] = false };
            }

            var created = await rest.CreateMessageAsync(channel, body, cancellationToken);
            first ??= (string?)created["id"];
        }

        return new PostedMessageRef(Name, channel, first ?? string.Empty);
    }

    public async Task<DownloadedFile> DownloadAttachmentAsync(Attachment attachment, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(attachment.Reference, UriKind.Absolute, out var url) || !IsAllowedDownloadHost(url))
        {
            throw new ConnectorException(ConnectorFailure.Invalid, "Not a Discord attachment URL.");
        }

        if (attachment.SizeBytes > options.Value.MaxDownloadBytes)
        {
            throw new ConnectorException(ConnectorFailure.Invalid, $"The attachment is {attachment.SizeBytes} bytes; the limit is {options.Value.MaxDownloadBytes}.");
        }

        return await rest.DownloadAsync(url, options.Value.MaxDownloadBytes, attachment.FileName, cancellationToken);
    }

    // Only Discord's CDN (or the configured API host, for fakes): a crafted URL must not make the bot fetch arbitrary hosts.
    private bool IsAllowedDownloadHost(Uri url) =>
        (url.Scheme == Uri.UriSchemeHttps && url.Host is "cdn.discordapp.com" or "media.discordapp.net")
        || (Uri.TryCreate(options.Value.ApiBaseUrl, UriKind.Absolute, out var api) && url.Scheme == api.Scheme && url.Authority == api.Authority);

    /// <summary>The cards renderer's message when AddCards registered it, else the connector's own small renderer.</summary>
    private JsonObject Render(CardPayload card)
    {
        if (renderers is null || !renderers.TryGet(ConnectorName, out var renderer))
        {
            return DiscordCardPayloads.Render(card);
        }

        var rendered = renderer.Render(card);
        if (rendered["modals"] is JsonObject modals)
        {
            if (_modals.Count > 4096)
            {
                _modals.Clear();
            }

            foreach (var (customId, modal) in modals)
            {
                if (modal is JsonObject m)
                {
                    _modals[customId] = m.DeepClone().AsObject();
                }
            }
        }

        return (rendered["message"] as JsonObject)?.DeepClone().AsObject() ?? DiscordCardPayloads.Render(card);
    }

    private async Task DispatchAsync(string type, JsonObject data, IInboundSink sink, ChannelWriter<PendingAction> work, CancellationToken cancellationToken)
    {
        switch (type)
        {
            case "MESSAGE_CREATE":
                var message = await mapper.MapAsync(data, _gateway.BotUserId, cancellationToken);
                if (message is not null)
                {
                    var stored = await sink.IngestAsync(message, cancellationToken);
                    Log.MessageIngested(logger, stored.MessageId, stored.Duplicate, message.IsPublic, message.Attachments.Count);
                }

                break;
            case "INTERACTION_CREATE":
                await AcknowledgeInteractionAsync(data, work, cancellationToken);
                break;
            default:
                break;
        }
    }

    private async Task AcknowledgeInteractionAsync(JsonObject data, ChannelWriter<PendingAction> work, CancellationToken cancellationToken)
    {
        var id = (string?)data["id"];
        var token = (string?)data["token"];
        var kind = (int?)data["type"];
        if (id is null || token is null || !_interactions.Add(id))
        {
            return;
        }

        var applicationId = (string?)data["application_id"] ?? _gateway.ApplicationId ?? string.Empty;
        var user = data["member"]?["user"] ?? data["user"];
        var actorId = (string?)user?["id"] ?? "unknown";
        var actorHandle = (string?)user?["username"] is { } name ? "@" + name : null;
        var action = DiscordCardPayloads.ParseCustomId((string?)data["data"]?["custom_id"]);
        try
        {
            if (kind == 2)
            {
                await AcknowledgeCommandAsync(data, id, token, applicationId, actorId, work, cancellationToken);
                return;
            }

            if (action is null || kind is not (3 or 5))
            {
                await rest.InteractionCallbackAsync(id, token, Ephemeral("That control is not one of Switchboard's."), cancellationToken);
                return;
            }

            var (verb, actionToken) = action.Value;
            var selected = (data["data"]?["values"] as JsonArray)?.FirstOrDefault()?.GetValue<string>();
            if (kind == 3 && selected is null && verb is "edit" or "retag")
            {
                var modal = (string?)data["data"]?["custom_id"] is { } clicked && _modals.TryGetValue(clicked, out var built)
                    ? new JsonObject { ["type"] = 9, ["data"] = built.DeepClone() }
                    : Modal(verb, actionToken, data["message"]);
                await rest.InteractionCallbackAsync(id, token, modal, cancellationToken);
                Log.InteractionModal(logger, verb);
                return;
            }

            // Deferred update: acknowledges within the deadline and leaves the card as it is until the outbox edits it.
            await rest.InteractionCallbackAsync(id, token, new JsonObject { ["type"] = 6 }, cancellationToken);
            var request = new CardActionRequest(actionToken, actorId, actorHandle, ConnectorName);
            if (kind == 3 && selected is not null)
            {
                // A string select (the cards renderer's Retag): the chosen value is the new intent.
                request = request with { NewIntent = selected };
            }
            else if (kind == 5)
            {
                var value = ModalValue(data["data"]);
                request = verb == "retag" ? request with { NewIntent = value?.Trim() } : request with { EditedText = value };
            }

            await work.WriteAsync(new PendingAction(request, verb, applicationId, token), cancellationToken);
        }
        catch (ConnectorException ex)
        {
            // A failed initial response (expired token, 40060 already acknowledged) must not stall the gateway.
            Log.InteractionFailed(logger, ex.Failure, ex.Message);
        }
    }

    /// <summary>
    /// An APPLICATION_COMMAND: outside a team channel it is refused at once; otherwise a deferred ephemeral response goes
    /// out inside the 3 s, and the command runs on the action queue, ending with an edit of that response.
    /// </summary>
    private async Task AcknowledgeCommandAsync(JsonObject data, string id, string token, string applicationId, string actorId, ChannelWriter<PendingAction> work, CancellationToken cancellationToken)
    {
        var text = DiscordCommands.ToText(data["data"]);
        var name = (string?)data["data"]?["name"] ?? string.Empty;
        var channel = (string?)data["channel_id"] ?? string.Empty;
        if (text is null || commands is null)
        {
            await rest.InteractionCallbackAsync(id, token, Ephemeral(commands is null ? "Campaign commands are not enabled on this Switchboard." : "That command is not one of Switchboard's."), cancellationToken);
            return;
        }

        if (!options.Value.TeamChannels.Contains(channel, StringComparer.Ordinal))
        {
            Log.CommandOutsideTeamChannel(logger, name);
            await rest.InteractionCallbackAsync(id, token, Ephemeral("Campaign commands work in Switchboard's team channels only; run it there."), cancellationToken);
            return;
        }

        await rest.InteractionCallbackAsync(id, token, new JsonObject { ["type"] = 5, ["data"] = new JsonObject { ["flags"] = 64 } }, cancellationToken);
        var run = commands;
        await work.WriteAsync(new PendingAction(null, name, applicationId, token, async ct =>
        {
            var reply = await run.RunAsync(ConnectorName, actorId, text, new ChannelAddress(ConnectorName, channel), ct);
            return reply.Ok ? $"{reply.Text} (the card is on its way to this channel)" : reply.Text;
        }), cancellationToken);
    }

    private async Task RunActionsAsync(ChannelReader<PendingAction> reader, IInboundSink sink, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var pending in reader.ReadAllAsync(cancellationToken))
            {
                try
                {
                    if (pending.Command is { } command)
                    {
                        await rest.EditOriginalAsync(pending.ApplicationId, pending.InteractionToken, EphemeralData(await command(cancellationToken)), cancellationToken);
                        continue;
                    }

                    var result = await sink.HandleActionAsync(pending.Request!, cancellationToken);
                    Log.InteractionHandled(logger, pending.Verb, result.Accepted, result.CaseId ?? 0);
                    await rest.FollowUpAsync(pending.ApplicationId, pending.InteractionToken, EphemeralData(result.Message), cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Log.InteractionFailed(logger, (ex as ConnectorException)?.Failure ?? ConnectorFailure.Transient, ex.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private static JsonObject Ephemeral(string text) => new() { ["type"] = 4, ["data"] = EphemeralData(text) };

    private static JsonObject EphemeralData(string text) => new()
    {
        ["content"] = text.Length <= DiscordMessageSplitter.MaxLength ? text : text[..(DiscordMessageSplitter.MaxLength - 1)] + "…",
        ["flags"] = 64,
        ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() },
    };

    private static JsonObject Modal(string verb, string token, JsonNode? message)
    {
        var edit = verb == "edit";
        var input = new JsonObject
        {
            ["type"] = 4,
            ["custom_id"] = edit ? "text" : "intent",
            ["style"] = edit ? 2 : 1,
            ["required"] = true,
            ["max_length"] = edit ? 4000 : 64,
        };
        if (edit && DiscordCardPayloads.DraftOf(message) is { Length: > 0 } draft)
        {
            input["value"] = draft.Length <= 4000 ? draft : draft[..4000];
        }
        else if (!edit)
        {
            input["placeholder"] = "billing, shipping, trust_safety, …";
        }

        return new JsonObject
        {
            ["type"] = 9,
            ["data"] = new JsonObject
            {
                ["custom_id"] = DiscordCardPayloads.ModalPrefix + verb + ":" + token,
                ["title"] = edit ? "Edit the reply" : "Retag the case",
                ["components"] = new JsonArray(new JsonObject
                {
                    ["type"] = 18,
                    ["label"] = edit ? "Reply to send" : "New intent",
                    ["component"] = input,
                }),
            },
        };
    }

    /// <summary>The first text input's value in a modal submission (Label-wrapped or legacy action rows).</summary>
    internal static string? ModalValue(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o when (int?)o["type"] == 4 && o["value"] is JsonValue v:
                return (string?)v;
            case JsonObject o:
                foreach (var key in new[] { "components", "component" })
                {
                    var found = ModalValue(o[key]);
                    if (found is not null)
                    {
                        return found;
                    }
                }

                return null;
            case JsonArray a:
                return a.Select(ModalValue).FirstOrDefault(v => v is not null);
            default:
                return null;
        }
    }

    /// <summary>GET /gateway/bot: a wait when session_start_limit.remaining is 0, else null (also when the call fails: identify anyway).</summary>
    private static async Task<TimeSpan?> SessionStartWaitAsync(DiscordRestClient rest, CancellationToken cancellationToken)
    {
        try
        {
            var limit = (await rest.GetAsync("gateway/bot", cancellationToken))?["session_start_limit"];
            return DiscordJson.Long(limit?["remaining"]) == 0 && DiscordJson.Double(limit?["reset_after"]) is { } ms ? TimeSpan.FromMilliseconds(ms) : null;
        }
        catch (ConnectorException ex) when (ex.Failure is not ConnectorFailure.Auth)
        {
            return null;
        }
    }

    private async Task<string> DmChannelAsync(string userId, CancellationToken cancellationToken)
    {
        if (_dmChannels.TryGetValue(userId, out var cached))
        {
            return cached;
        }

        var channel = await rest.CreateDmAsync(userId, cancellationToken);
        var id = (string?)channel["id"] ?? throw new ConnectorException(ConnectorFailure.Transient, "Discord returned a DM channel without id.");
        _dmChannels[userId] = id;
        return id;
    }

    // enforce_nonce makes a retried create (outbox retry after a timeout) return the first message instead of a second one.
    private static string Nonce(string channel, string content) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(channel + "\n" + content)))[..25];

    /// <summary>A card action (<see cref="Request"/>) or a slash command (<see cref="Command"/>, returning the text for the issuer).</summary>
    private sealed record PendingAction(CardActionRequest? Request, string Verb, string ApplicationId, string InteractionToken, Func<CancellationToken, Task<string>>? Command = null);
}
