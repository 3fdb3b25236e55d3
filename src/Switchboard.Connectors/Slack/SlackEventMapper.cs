using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Switchboard.Core.Domain;

namespace Switchboard.Connectors.Slack;

/// <summary>
/// Turns a Slack <c>message</c> event (from an <c>event_callback</c>) into an <see cref="InboundMessage"/> when
/// it is a customer's message: posted by a person (not a bot, not an edit or join notice) in a configured
/// customer channel or in a DM with the bot. Threads are kept: a reply carries its parent's <c>thread_ts</c>,
/// and a top-level channel message starts its own thread (the bot answers there).
/// </summary>
internal sealed class SlackEventMapper(IOptions<SlackOptions> options, TimeProvider timeProvider)
{
    public const string ConnectorName = "slack";

    // Subtypes that are still a person's message; every other subtype is a system notice or an edit.
    private static readonly HashSet<string> MessageSubtypes = new(StringComparer.Ordinal) { "file_share", "thread_broadcast" };

    public InboundMessage? Map(JsonObject eventCallback)
    {
        if (eventCallback["event"] is not JsonObject ev || Str(ev, "type") != "message")
        {
            return null;
        }

        var subtype = Str(ev, "subtype");
        if ((subtype is not null && !MessageSubtypes.Contains(subtype)) || ev["bot_id"] is not null || ev["hidden"] is not null)
        {
            return null;
        }

        var channel = Str(ev, "channel");
        var user = Str(ev, "user");
        var ts = Str(ev, "ts");
        if (channel is null || user is null || ts is null)
        {
            return null;
        }

        var channelType = Str(ev, "channel_type");
        var isDm = channelType == "im";
        if (!isDm && !options.Value.CustomerChannels.Contains(channel, StringComparer.Ordinal))
        {
            return null;
        }

        // Group DMs (mpim) are private conversations; public and private channels are posts others can see.
        var isPublic = channelType is "channel" or "group";
        var threadTs = Str(ev, "thread_ts");
        var handle = ev["user_profile"] is JsonObject profile
            ? NonEmpty(Str(profile, "display_name")) ?? NonEmpty(Str(profile, "name"))
            : null;

        return new InboundMessage(
            Connector: ConnectorName,
            Platform: ConnectorName,
            PlatformMessageId: MessageId(channel, ts),
            ChannelId: channel,
            ConversationId: channel,
            ThreadId: threadTs ?? (isPublic ? ts : null),
            AuthorId: user,
            AuthorHandle: handle,
            Text: Unescape(Str(ev, "text") ?? string.Empty),
            IsPublic: isPublic,
            Attachments: MapFiles(ev["files"] as JsonArray),
            SentAt: ParseTs(ts),
            ReceivedAt: timeProvider.GetUtcNow(),
            ReplyToPlatformMessageId: threadTs is not null && threadTs != ts ? MessageId(channel, threadTs) : null);
    }

    /// <summary>Slack's ts is unique only within a channel, so the message id is "channel:ts".</summary>
    public static string MessageId(string channel, string ts) => channel + ":" + ts;

    /// <summary>The ts part of a <see cref="MessageId"/>.</summary>
    public static string? TsOf(string? messageId) =>
        messageId is null ? null : messageId[(messageId.LastIndexOf(':') + 1)..];

    public static DateTimeOffset ParseTs(string ts) =>
        decimal.TryParse(ts, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond))
            : DateTimeOffset.UnixEpoch;

    private static List<Attachment> MapFiles(JsonArray? files)
    {
        var attachments = new List<Attachment>();
        foreach (var file in files?.OfType<JsonObject>() ?? [])
        {
            var url = Str(file, "url_private_download") ?? Str(file, "url_private");
            if (url is null)
            {
                continue;
            }

            var mime = Str(file, "mimetype");
            double? duration = file["duration_ms"] is JsonValue ms && ms.TryGetValue<double>(out var millis) ? millis / 1000 : null;
            long? size = file["size"] is JsonValue sz && sz.TryGetValue<long>(out var bytes) ? bytes : null;
            attachments.Add(new Attachment(KindOf(Str(file, "subtype"), mime), url, mime, size, duration, Str(file, "name")));
        }

        return attachments;
    }

    private static string KindOf(string? subtype, string? mime) => subtype switch
    {
        // Audio clips recorded in Slack; sometimes labelled video/mp4 or audio/webm.
        "slack_audio" => AttachmentKinds.Voice,
        _ when mime?.StartsWith("audio/", StringComparison.OrdinalIgnoreCase) == true => AttachmentKinds.Audio,
        _ when mime?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true => AttachmentKinds.Image,
        _ => AttachmentKinds.File,
    };

    // Slack escapes only these three in message text; entity markup such as <@U123> stays as sent.
    private static string Unescape(string text) => text.Replace("&lt;", "<", StringComparison.Ordinal)
        .Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    internal static string? Str(JsonObject obj, string name) =>
        obj[name] is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
}
