using System.Text.Json;
using Switchboard.Connectors.Telegram;
using Switchboard.Connectors.Telegram.Api;
using Switchboard.Core.Domain;

namespace Switchboard.UnitTests.Connectors.Telegram;

public sealed class TelegramUpdateMapperTests
{
    private static readonly DateTimeOffset Received = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ToInboundMessage_PrivateText_MapsToDirectConversation()
    {
        var update = Parse("""
            {"update_id": 9001,
             "message": {"message_id": 17, "date": 1795000000,
               "from": {"id": 5551, "is_bot": false, "first_name": "Mia", "username": "mia_k", "language_code": "en"},
               "chat": {"id": 5551, "type": "private", "first_name": "Mia"},
               "text": "My order #4411 never arrived",
               "some_future_field": {"nested": true}}}
            """);

        var message = TelegramUpdateMapper.ToInboundMessage(update.Message!, edited: false, Received);

        Assert.Equal("telegram", message.Connector);
        Assert.Equal("telegram", message.Platform);
        Assert.Equal("5551:17", message.PlatformMessageId);
        Assert.Equal("5551", message.ChannelId);
        Assert.Equal("5551", message.ConversationId);
        Assert.Null(message.ThreadId);
        Assert.Equal("5551", message.AuthorId);
        Assert.Equal("@mia_k", message.AuthorHandle);
        Assert.Equal("My order #4411 never arrived", message.Text);
        Assert.False(message.IsPublic);
        Assert.Empty(message.Attachments);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795000000), message.SentAt);
        Assert.Equal(Received, message.ReceivedAt);
        Assert.Null(message.ReplyToPlatformMessageId);
    }

    [Fact]
    public void ToInboundMessage_ForumTopicMessage_KeepsTopicAsThread()
    {
        var update = Parse("""
            {"update_id": 9002,
             "message": {"message_id": 880, "message_thread_id": 77, "is_topic_message": true, "date": 1795000100,
               "from": {"id": 6001, "is_bot": false, "first_name": "Leo", "last_name": "Park"},
               "chat": {"id": -1001234567890, "type": "supergroup", "title": "Acme community", "is_forum": true},
               "text": "Checkout keeps failing"}}
            """);

        var message = TelegramUpdateMapper.ToInboundMessage(update.Message!, edited: false, Received);

        Assert.Equal("-1001234567890:880", message.PlatformMessageId);
        Assert.Equal("-1001234567890", message.ConversationId);
        Assert.Equal("77", message.ThreadId);
        Assert.Equal(77, TelegramUpdateMapper.TopicOf(message.ThreadId));
        Assert.Equal("Leo Park", message.AuthorHandle);
        Assert.True(message.IsPublic);
    }

    [Fact]
    public void ToInboundMessage_ReplyInGroup_JoinsRepliedThread()
    {
        var update = Parse("""
            {"update_id": 9003,
             "message": {"message_id": 31, "date": 1795000200,
               "from": {"id": 6002, "is_bot": false, "first_name": "Ana"},
               "chat": {"id": -4001, "type": "group", "title": "Launch chat"},
               "reply_to_message": {"message_id": 29, "date": 1795000150,
                 "from": {"id": 6003, "is_bot": false, "first_name": "Bo"},
                 "chat": {"id": -4001, "type": "group"}, "text": "same here"},
               "text": "+1, still broken"}}
            """);

        var message = TelegramUpdateMapper.ToInboundMessage(update.Message!, edited: false, Received);

        Assert.Equal("reply:29", message.ThreadId);
        Assert.Null(TelegramUpdateMapper.TopicOf(message.ThreadId));
        Assert.Equal("-4001:29", message.ReplyToPlatformMessageId);
    }

    [Fact]
    public void ToInboundMessage_ReplyInSupergroupChain_UsesChainRoot()
    {
        var update = Parse("""
            {"update_id": 9004,
             "message": {"message_id": 52, "message_thread_id": 40, "date": 1795000300,
               "from": {"id": 6002, "is_bot": false, "first_name": "Ana"},
               "chat": {"id": -1009, "type": "supergroup", "title": "Launch"},
               "reply_to_message": {"message_id": 45, "message_thread_id": 40, "date": 1795000250,
                 "chat": {"id": -1009, "type": "supergroup"}},
               "text": "any update?"}}
            """);

        var message = TelegramUpdateMapper.ToInboundMessage(update.Message!, edited: false, Received);

        Assert.Equal("reply:40", message.ThreadId);
        Assert.Equal("-1009:45", message.ReplyToPlatformMessageId);
    }

    [Fact]
    public void ToInboundMessage_ForwardIntoTopic_StaysInTopic()
    {
        var update = Parse("""
            {"update_id": 9005,
             "message": {"message_id": 90, "message_thread_id": 12, "is_topic_message": true, "date": 1795000400,
               "from": {"id": 6004, "is_bot": false, "first_name": "Kim"},
               "chat": {"id": -1007, "type": "supergroup", "is_forum": true},
               "forward_origin": {"type": "user", "date": 1794990000, "sender_user": {"id": 1, "is_bot": false, "first_name": "X"}},
               "text": "look at this scam DM I got"}}
            """);

        var message = TelegramUpdateMapper.ToInboundMessage(update.Message!, edited: false, Received);

        Assert.Equal("12", message.ThreadId);
        Assert.Equal("look at this scam DM I got", message.Text);
    }

    [Fact]
    public void ToInboundMessage_VoiceAudioVideoNote_BecomeVoiceAttachments()
    {
        var update = Parse("""
            {"update_id": 9006,
             "message": {"message_id": 5, "date": 1795000500,
               "from": {"id": 5551, "is_bot": false, "first_name": "Mia"},
               "chat": {"id": 5551, "type": "private"},
               "voice": {"file_id": "AwACAgIAAxkBAAIB", "file_unique_id": "AgADv", "duration": 7, "mime_type": "audio/ogg", "file_size": 23040},
               "caption": "listen"}}
            """);
        var audio = Parse("""
            {"update_id": 9007, "message": {"message_id": 6, "date": 1795000501, "chat": {"id": 5551, "type": "private"},
              "from": {"id": 5551, "is_bot": false, "first_name": "Mia"},
              "audio": {"file_id": "CQACAgIAAxk", "file_unique_id": "u2", "duration": 61, "file_name": "call.mp3", "file_size": 900000}}}
            """);
        var videoNote = Parse("""
            {"update_id": 9008, "message": {"message_id": 7, "date": 1795000502, "chat": {"id": 5551, "type": "private"},
              "from": {"id": 5551, "is_bot": false, "first_name": "Mia"},
              "video_note": {"file_id": "DQACAgIAAxk", "file_unique_id": "u3", "length": 240, "duration": 9}}}
            """);

        var voiceMessage = Map(update);
        var audioMessage = Map(audio);
        var noteMessage = Map(videoNote);

        Assert.Equal(new Attachment(AttachmentKinds.Voice, "AwACAgIAAxkBAAIB", "audio/ogg", 23040, 7), Assert.Single(voiceMessage.Attachments));
        Assert.Equal("listen", voiceMessage.Text);
        Assert.True(voiceMessage.HasVoice);
        Assert.Equal(new Attachment(AttachmentKinds.Audio, "CQACAgIAAxk", "audio/mpeg", 900000, 61, "call.mp3"), Assert.Single(audioMessage.Attachments));
        Assert.Equal(new Attachment(AttachmentKinds.VideoNote, "DQACAgIAAxk", "video/mp4", null, 9), Assert.Single(noteMessage.Attachments));
        Assert.Equal(string.Empty, noteMessage.Text);
    }

    [Fact]
    public void ToInboundMessage_EditedMessage_GetsDistinctStableId()
    {
        var update = Parse("""
            {"update_id": 9010,
             "edited_message": {"message_id": 17, "date": 1795000000, "edit_date": 1795000600,
               "from": {"id": 5551, "is_bot": false, "first_name": "Mia"},
               "chat": {"id": 5551, "type": "private"}, "text": "My order #4412 never arrived"}}
            """);

        var message = TelegramUpdateMapper.ToInboundMessage(update.EditedMessage!, edited: true, Received);

        Assert.Equal("5551:17:edit:1795000600", message.PlatformMessageId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795000600), message.SentAt);
        Assert.True(TelegramUpdateMapper.TryParseMessageKey(message.PlatformMessageId, out var chat, out var id));
        Assert.Equal((5551, 17), (chat, id));
    }

    [Fact]
    public void FromUnix_MillisecondDate_IsRecognized()
    {
        // telegram-test-api answers dates in milliseconds.
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1795312497883), TelegramUpdateMapper.FromUnix(1795312497883));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795312497), TelegramUpdateMapper.FromUnix(1795312497));
    }

    [Fact]
    public void Deserialize_CallbackQueryWithInaccessibleMessage_KeepsDataAndSender()
    {
        var update = Parse("""
            {"update_id": 9020,
             "callback_query": {"id": "4382bfdwdsb323b2d9", "chat_instance": "-91", "data": "sb:Qm9va2VkLWFwcHJvdmU",
               "from": {"id": 7001, "is_bot": false, "first_name": "Dana", "username": "dana_ops"},
               "message": {"message_id": 300, "date": 0, "chat": {"id": -1002000, "type": "supergroup"}}}}
            """);

        Assert.Equal("4382bfdwdsb323b2d9", update.CallbackQuery!.Id);
        Assert.Equal("sb:Qm9va2VkLWFwcHJvdmU", update.CallbackQuery.Data);
        Assert.Equal("@dana_ops", update.CallbackQuery.From.Handle);
        Assert.Equal(-1002000, update.CallbackQuery.Message!.Chat.Id);
        Assert.Null(update.CallbackQuery.Message.Text);
    }

    private static InboundMessage Map(TelegramUpdate update) =>
        TelegramUpdateMapper.ToInboundMessage(update.Message!, edited: false, Received);

    private static TelegramUpdate Parse(string json) =>
        JsonSerializer.Deserialize<TelegramUpdate>(json, TelegramJson.Options)!;
}
