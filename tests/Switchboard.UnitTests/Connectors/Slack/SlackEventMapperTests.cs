using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Switchboard.Connectors.Slack;
using Switchboard.Core.Domain;

namespace Switchboard.UnitTests.Connectors.Slack;

public sealed class SlackEventMapperTests
{
    private static readonly DateTimeOffset Received = new(2026, 11, 22, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Map_CustomerChannelMessage_StartsItsOwnThread()
    {
        var message = Mapper().Map(Parse("""
            {
              "token": "legacy", "team_id": "T1", "api_app_id": "A1", "type": "event_callback",
              "event_id": "Ev01", "event_time": 1763773200,
              "event": {
                "type": "message", "channel": "CCUST", "channel_type": "channel", "user": "U100",
                "text": "my order &lt;#1234&gt; never arrived &amp; nobody answers", "ts": "1763773200.000100",
                "event_ts": "1763773200.000100", "client_msg_id": "5a1e"
              }
            }
            """));

        AssertGolden("""
            {
              "Connector": "slack", "Platform": "slack", "PlatformMessageId": "CCUST:1763773200.000100",
              "ChannelId": "CCUST", "ConversationId": "CCUST", "ThreadId": "1763773200.000100",
              "AuthorId": "U100", "AuthorHandle": null,
              "Text": "my order <#1234> never arrived & nobody answers",
              "IsPublic": true, "Attachments": [],
              "SentAt": "2025-11-22T01:00:00.0001+00:00", "ReceivedAt": "2026-11-22T01:00:00+00:00",
              "ReplyToPlatformMessageId": null, "AuthorFollowers": null,
              "CustomerKey": "slack:U100", "HasVoice": false
            }
            """, message);
    }

    [Fact]
    public void Map_ThreadReply_KeepsTheParentThread()
    {
        var message = Mapper().Map(Parse("""
            {
              "type": "event_callback", "event_id": "Ev02",
              "event": {
                "type": "message", "channel": "CCUST", "channel_type": "channel", "user": "U100",
                "text": "still waiting", "ts": "1763773300.000200", "thread_ts": "1763773200.000100",
                "user_profile": { "display_name": "maya_k", "name": "maya" }
              }
            }
            """));

        Assert.NotNull(message);
        Assert.Equal("1763773200.000100", message.ThreadId);
        Assert.Equal("CCUST:1763773200.000100", message.ReplyToPlatformMessageId);
        Assert.Equal("CCUST:1763773300.000200", message.PlatformMessageId);
        Assert.Equal("maya_k", message.AuthorHandle);
    }

    [Fact]
    public void Map_DirectMessage_IsPrivateWithoutThread()
    {
        var message = Mapper().Map(Parse("""
            {
              "type": "event_callback", "event_id": "Ev03",
              "event": { "type": "message", "channel": "D777", "channel_type": "im", "user": "U200", "text": "hi", "ts": "1763773400.000300" }
            }
            """));

        Assert.NotNull(message);
        Assert.False(message.IsPublic);
        Assert.Null(message.ThreadId);
        Assert.Equal("D777", message.ConversationId);
    }

    [Fact]
    public void Map_AudioClip_BecomesVoiceAttachmentWithPrivateUrl()
    {
        var message = Mapper().Map(Parse("""
            {
              "type": "event_callback", "event_id": "Ev04",
              "event": {
                "type": "message", "subtype": "file_share", "channel": "D777", "channel_type": "im", "user": "U200",
                "text": "", "ts": "1763773500.000400",
                "files": [
                  {
                    "id": "F0AUDIO", "name": "audio_message.m4a", "subtype": "slack_audio", "mimetype": "audio/mp4",
                    "filetype": "m4a", "size": 48213, "duration_ms": 7400,
                    "url_private": "https://files.slack.com/files-pri/T1-F0AUDIO/audio_message.m4a",
                    "url_private_download": "https://files.slack.com/files-pri/T1-F0AUDIO/download/audio_message.m4a",
                    "transcription": { "status": "complete", "locale": "en-US", "preview": { "content": "hello", "has_more": false } }
                  },
                  {
                    "id": "F0MP3", "name": "complaint.mp3", "mimetype": "audio/mpeg", "size": 90000,
                    "url_private": "https://files.slack.com/files-pri/T1-F0MP3/complaint.mp3"
                  },
                  { "id": "F0IMG", "name": "receipt.png", "mimetype": "image/png", "url_private": "https://files.slack.com/files-pri/T1-F0IMG/receipt.png" }
                ]
              }
            }
            """));

        Assert.NotNull(message);
        AssertGolden("""
            [
              { "Kind": "voice", "Reference": "https://files.slack.com/files-pri/T1-F0AUDIO/download/audio_message.m4a",
                "MimeType": "audio/mp4", "SizeBytes": 48213, "DurationSeconds": 7.4, "FileName": "audio_message.m4a", "IsVoice": true },
              { "Kind": "audio", "Reference": "https://files.slack.com/files-pri/T1-F0MP3/complaint.mp3",
                "MimeType": "audio/mpeg", "SizeBytes": 90000, "DurationSeconds": null, "FileName": "complaint.mp3", "IsVoice": true },
              { "Kind": "image", "Reference": "https://files.slack.com/files-pri/T1-F0IMG/receipt.png",
                "MimeType": "image/png", "SizeBytes": null, "DurationSeconds": null, "FileName": "receipt.png", "IsVoice": false }
            ]
            """, message.Attachments);
        Assert.True(message.HasVoice);
    }

    [Theory]
    [InlineData("""{ "type": "message", "channel": "CCUST", "channel_type": "channel", "bot_id": "B1", "user": "U9", "text": "x", "ts": "1.1" }""")]
    [InlineData("""{ "type": "message", "subtype": "bot_message", "channel": "CCUST", "channel_type": "channel", "text": "x", "ts": "1.1" }""")]
    [InlineData("""{ "type": "message", "subtype": "message_changed", "hidden": true, "channel": "CCUST", "channel_type": "channel", "ts": "1.1" }""")]
    [InlineData("""{ "type": "message", "subtype": "channel_join", "channel": "CCUST", "channel_type": "channel", "user": "U1", "text": "joined", "ts": "1.1" }""")]
    [InlineData("""{ "type": "message", "channel": "CTEAM", "channel_type": "channel", "user": "U1", "text": "agents chatting", "ts": "1.1" }""")]
    [InlineData("""{ "type": "message", "channel": "COTHER", "channel_type": "channel", "user": "U1", "text": "elsewhere", "ts": "1.1" }""")]
    [InlineData("""{ "type": "reaction_added", "user": "U1", "item": { "channel": "CCUST", "ts": "1.1" } }""")]
    public void Map_NotACustomerMessage_IsIgnored(string ev)
    {
        var body = new JsonObject { ["type"] = "event_callback", ["event_id"] = "Ev9", ["event"] = JsonNode.Parse(ev) };

        Assert.Null(Mapper().Map(body));
    }

    [Theory]
    [InlineData("1763773200.000100", 1763773200000)]
    [InlineData("1763773200.999999", 1763773200999)]
    [InlineData("garbage", 0)]
    public void ParseTs_SlackTimestamp_MillisecondsSinceEpoch(string ts, long expectedMs)
    {
        Assert.Equal(expectedMs, SlackEventMapper.ParseTs(ts).ToUnixTimeMilliseconds());
    }

    private static SlackEventMapper Mapper() => new(
        Options.Create(new SlackOptions { CustomerChannels = ["CCUST"], TeamChannels = ["CTEAM"] }),
        new SlackTestClock(Received));

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    private static void AssertGolden<T>(string expected, T actual)
    {
        var actualNode = JsonSerializer.SerializeToNode(actual);
        var expectedNode = JsonNode.Parse(expected);
        Assert.True(JsonNode.DeepEquals(expectedNode, actualNode), "Expected:\n" + expectedNode + "\nActual:\n" + actualNode);
    }
}
