using System.Globalization;
using Switchboard.Connectors.Telegram.Api;
using Switchboard.Core.Domain;

namespace Switchboard.Connectors.Telegram;

/// <summary>
/// Pure mapping from Bot API messages to <see cref="InboundMessage"/>, and the id scheme the connector reads back:
/// platform message ids are <c>{chat}:{message}</c> (Telegram message ids are unique only inside a chat), thread ids
/// are a forum topic's numeric id or <c>reply:{root}</c> for a reply chain outside forums.
/// </summary>
internal static class TelegramUpdateMapper
{
    public const string Platform = "telegram";
    public const string ReplyThreadPrefix = "reply:";

    // Seconds since 1970 stay below this until the year 5138; larger values are milliseconds (the emulator's dates).
    private const long MillisecondThreshold = 100_000_000_000;

    public static InboundMessage ToInboundMessage(TelegramMessage message, bool edited, DateTimeOffset receivedAt)
    {
        var chatId = Id(message.Chat.Id);
        var id = MessageKey(message.Chat.Id, message.MessageId);
        if (edited)
        {
            // An edit is a new message for the pipeline; the edit date keeps redeliveries of the same edit deduped.
            id += ":edit:" + (message.EditDate ?? message.Date).ToString(CultureInfo.InvariantCulture);
        }

        return new InboundMessage(
            Connector: Platform,
            Platform: Platform,
            PlatformMessageId: id,
            ChannelId: chatId,
            ConversationId: chatId,
            ThreadId: ThreadOf(message),
            AuthorId: Id(message.From?.Id ?? message.SenderChat?.Id ?? message.Chat.Id),
            AuthorHandle: message.From?.Handle ?? message.SenderChat?.Title,
            Text: message.Text ?? message.Caption ?? string.Empty,
            IsPublic: !message.Chat.IsPrivate,
            Attachments: AttachmentsOf(message),
            SentAt: FromUnix(edited ? message.EditDate ?? message.Date : message.Date),
            ReceivedAt: receivedAt,
            ReplyToPlatformMessageId: message.ReplyToMessage is { } replied ? MessageKey(message.Chat.Id, replied.MessageId) : null);
    }

    /// <summary>
    /// Forum topics keep their topic id; elsewhere a reply joins the thread of what it answers (Telegram sets
    /// message_thread_id to the chain's root in supergroups; in small groups and DMs the replied-to message is the root).
    /// Forwards carry their own message_thread_id when posted into a topic, so they stay in it.
    /// </summary>
    public static string? ThreadOf(TelegramMessage message)
    {
        if (message.MessageThreadId is { } thread && (message.IsTopicMessage == true || message.Chat.IsForum == true))
        {
            return Id(thread);
        }

        if (message.MessageThreadId is { } root)
        {
            return ReplyThreadPrefix + Id(root);
        }

        return message.ReplyToMessage is { } replied
            ? ReplyThreadPrefix + Id(replied.MessageThreadId ?? replied.MessageId)
            : null;
    }

    /// <summary>The forum topic to post into, when a thread id names one.</summary>
    public static long? TopicOf(string? threadId) =>
        long.TryParse(threadId, NumberStyles.None, CultureInfo.InvariantCulture, out var topic) ? topic : null;

    public static string MessageKey(long chatId, long messageId) => Id(chatId) + ":" + Id(messageId);

    /// <summary>Reads back a <see cref="MessageKey"/> (an edit suffix is ignored).</summary>
    public static bool TryParseMessageKey(string? key, out long chatId, out long messageId)
    {
        chatId = 0;
        messageId = 0;
        var parts = key?.Split(':');
        return parts is { Length: >= 2 }
            && long.TryParse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out chatId)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out messageId);
    }

    public static DateTimeOffset FromUnix(long value) =>
        value >= MillisecondThreshold ? DateTimeOffset.FromUnixTimeMilliseconds(value) : DateTimeOffset.FromUnixTimeSeconds(value);

    public static string Id(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static List<Attachment> AttachmentsOf(TelegramMessage message)
    {
        var attachments = new List<Attachment>();
        if (message.Voice is { } voice)
        {
            // Voice notes from official clients are OGG/Opus; the MIME type may be missing.
            attachments.Add(ToAttachment(AttachmentKinds.Voice, voice, "audio/ogg"));
        }

        if (message.Audio is { } audio)
        {
            attachments.Add(ToAttachment(AttachmentKinds.Audio, audio, "audio/mpeg"));
        }

        if (message.VideoNote is { } videoNote)
        {
            attachments.Add(ToAttachment(AttachmentKinds.VideoNote, videoNote, "video/mp4"));
        }

        if (message.Photo is { Count: > 0 } sizes)
        {
            // Telegram lists every size of one photo; the last is the largest.
            attachments.Add(ToAttachment(AttachmentKinds.Image, sizes[^1], "image/jpeg"));
        }

        if (message.Document is { } document)
        {
            attachments.Add(ToAttachment(AttachmentKinds.File, document, null));
        }

        return attachments;
    }

    private static Attachment ToAttachment(string kind, TelegramFileRef file, string? defaultMime) =>
        new(kind, file.FileId, file.MimeType ?? defaultMime, file.FileSize, file.Duration, file.FileName);
}
