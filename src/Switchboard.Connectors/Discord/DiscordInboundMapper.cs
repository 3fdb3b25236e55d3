using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Switchboard.Core.Connectors;
using Switchboard.Core.Domain;

namespace Switchboard.Connectors.Discord;

/// <summary>
/// MESSAGE_CREATE → <see cref="InboundMessage"/>: DMs always; guild messages in the customer channels or in
/// threads under them (a thread's parent is looked up once over REST and cached, since the connector does not
/// ask for the GUILDS intent); never bots, webhooks, the bot itself, or the mod channels. Voice messages
/// (flag IS_VOICE_MESSAGE, or an audio/ogg attachment) become voice attachments referenced by their CDN URL.
/// </summary>
internal sealed class DiscordInboundMapper(DiscordRestClient rest, IOptions<DiscordOptions> options, TimeProvider time)
{
    private const int IsVoiceMessage = 1 << 13;
    private static readonly int[] ThreadTypes = [10, 11, 12];

    private readonly ConcurrentDictionary<string, string?> _threadParents = new(StringComparer.Ordinal);

    public async Task<InboundMessage?> MapAsync(JsonObject d, string? botUserId, CancellationToken cancellationToken)
    {
        var author = d["author"];
        var authorId = (string?)author?["id"];
        var id = (string?)d["id"];
        var channelId = (string?)d["channel_id"];
        if (authorId is null || id is null || channelId is null || (bool?)author?["bot"] == true || d["webhook_id"] is not null || authorId == botUserId)
        {
            return null;
        }

        // Only default (0) and reply (19) messages are people talking; joins, pins and boosts are not.
        if (DiscordJson.Long(d["type"]) is { } type && type is not (0 or 19))
        {
            return null;
        }

        var config = options.Value;
        var isDm = d["guild_id"] is null;
        string channel = channelId;
        string? thread = null;
        if (!isDm)
        {
            if (config.TeamChannels.Contains(channelId))
            {
                return null;
            }

            if (config.CustomerChannels.Count > 0 && !config.CustomerChannels.Contains(channelId))
            {
                var parent = await ThreadParentAsync(channelId, cancellationToken);
                if (parent is null || !config.CustomerChannels.Contains(parent))
                {
                    return null;
                }

                channel = parent;
                thread = channelId;
            }
        }

        var flags = DiscordJson.Long(d["flags"]) ?? 0;
        var attachments = new List<Attachment>();
        foreach (var a in (d["attachments"] as JsonArray) ?? [])
        {
            if ((string?)a?["url"] is not { } url)
            {
                continue;
            }

            var mime = (string?)a["content_type"];
            var kind = (flags & IsVoiceMessage) != 0 || (mime?.StartsWith("audio/ogg", StringComparison.OrdinalIgnoreCase) ?? false)
                ? AttachmentKinds.Voice
                : mime?.StartsWith("audio/", StringComparison.OrdinalIgnoreCase) == true ? AttachmentKinds.Audio
                : mime?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true ? AttachmentKinds.Image
                : AttachmentKinds.File;
            attachments.Add(new Attachment(kind, url, mime, DiscordJson.Long(a["size"]), DiscordJson.Double(a["duration_secs"]), (string?)a["filename"]));
        }

        var content = (string?)d["content"] ?? string.Empty;
        if (content.Length == 0 && attachments.Count == 0)
        {
            // Without the MESSAGE_CONTENT intent guild messages arrive empty: nothing to triage.
            return null;
        }

        var now = time.GetUtcNow();
        var sentAt = DateTimeOffset.TryParse((string?)d["timestamp"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var ts) ? ts : now;
        var handle = (string?)author?["username"] is { } username ? "@" + username : null;
        return new InboundMessage(
            DiscordConnector.ConnectorName,
            "discord",
            id,
            channel,
            isDm ? channelId : channel,
            thread,
            authorId,
            handle,
            content,
            !isDm,
            attachments,
            sentAt,
            now,
            (string?)d["message_reference"]?["message_id"]);
    }

    private async Task<string?> ThreadParentAsync(string channelId, CancellationToken cancellationToken)
    {
        if (_threadParents.TryGetValue(channelId, out var known))
        {
            return known;
        }

        string? parent = null;
        try
        {
            var channel = await rest.GetChannelAsync(channelId, cancellationToken);
            if ((int?)channel?["type"] is { } type && ThreadTypes.Contains(type))
            {
                parent = (string?)channel?["parent_id"];
            }
        }
        catch (ConnectorException ex) when (ex.Failure is ConnectorFailure.NotFound or ConnectorFailure.Auth)
        {
            // A channel the bot cannot see is not a customer channel.
        }

        _threadParents[channelId] = parent;
        return parent;
    }
}
