using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Switchboard.Connectors.Discord;

namespace Switchboard.UnitTests.Connectors.Discord;

public sealed class DiscordInboundMapperTests
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 11, 22, 2, 0, 5, TimeSpan.Zero));

    private const string VoiceMessage = """
        {
          "id": "1300000000000000001",
          "channel_id": "1200000000000000001",
          "guild_id": "1100000000000000001",
          "author": { "id": "1000000000000000077", "username": "cleo", "global_name": "Cleo" },
          "content": "",
          "timestamp": "2026-11-22T02:00:00.000000+00:00",
          "type": 0,
          "flags": 8192,
          "attachments": [
            {
              "id": "1400000000000000001",
              "filename": "voice-message.ogg",
              "size": 23456,
              "url": "https://cdn.discordapp.com/attachments/1/2/voice-message.ogg?ex=1&is=2&hm=3",
              "content_type": "audio/ogg",
              "duration_secs": 7.25,
              "waveform": "AAAA"
            }
          ]
        }
        """;

    private DiscordInboundMapper Mapper(DiscordOptions? options = null)
    {
        var value = Options.Create(options ?? new DiscordOptions());
        var rest = new DiscordRestClient(new HttpClient(), new DiscordRateLimiter(_clock), value, _clock, NullLogger<DiscordRestClient>.Instance);
        return new DiscordInboundMapper(rest, value, _clock);
    }

    [Fact]
    public async Task Map_VoiceMessage_VoiceAttachmentWithUrlAndDuration()
    {
        var message = await Mapper().MapAsync(JsonNode.Parse(VoiceMessage)!.AsObject(), "4242", TestContext.Current.CancellationToken);

        Assert.NotNull(message);
        Assert.Equal(("discord", "discord", "1300000000000000001", "@cleo", true), (message.Connector, message.Platform, message.PlatformMessageId, message.AuthorHandle, message.IsPublic));
        Assert.True(message.HasVoice);
        var attachment = Assert.Single(message.Attachments);
        Assert.Equal(("voice", 7.25, 23456L, "voice-message.ogg"), (attachment.Kind, attachment.DurationSeconds!.Value, attachment.SizeBytes!.Value, attachment.FileName));
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 2, 0, 0, TimeSpan.Zero), message.SentAt);
        Assert.Equal(_clock.GetUtcNow(), message.ReceivedAt);
    }

    [Fact]
    public async Task Map_AudioOggWithoutVoiceFlag_StillVoice()
    {
        var d = JsonNode.Parse(VoiceMessage)!.AsObject();
        d["flags"] = 0;
        d["content"] = "listen";

        var message = await Mapper().MapAsync(d, "4242", TestContext.Current.CancellationToken);

        Assert.Equal("voice", Assert.Single(message!.Attachments).Kind);
    }

    [Theory]
    [InlineData("bot")]
    [InlineData("webhook")]
    [InlineData("self")]
    [InlineData("system")]
    [InlineData("team-channel")]
    [InlineData("empty")]
    public async Task Map_NotCustomerTraffic_Null(string variant)
    {
        var d = JsonNode.Parse(VoiceMessage)!.AsObject();
        switch (variant)
        {
            case "bot": d["author"]!["bot"] = true; break;
            case "webhook": d["webhook_id"] = "5"; break;
            case "self": d["author"]!["id"] = "4242"; break;
            case "system": d["type"] = 7; break;
            case "team-channel": break;
            default: d["attachments"] = new JsonArray(); break;
        }

        var options = new DiscordOptions { TeamChannels = variant == "team-channel" ? ["1200000000000000001"] : [] };

        Assert.Null(await Mapper(options).MapAsync(d, "4242", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Map_DirectMessage_PrivateInItsDmChannel()
    {
        var d = JsonNode.Parse(VoiceMessage)!.AsObject();
        d.Remove("guild_id");
        d["content"] = "hello";
        d["attachments"] = new JsonArray();

        var message = await Mapper(new DiscordOptions { CustomerChannels = ["1"] }).MapAsync(d, "4242", TestContext.Current.CancellationToken);

        Assert.False(message!.IsPublic);
        Assert.Equal(("1200000000000000001", "1200000000000000001", null), (message.ChannelId, message.ConversationId, message.ThreadId));
    }
}
