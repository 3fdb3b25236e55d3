using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Switchboard.Core.Cards.Rendering.Telegram;
using Switchboard.Core.Domain;
using Switchboard.Core.Governance.Audit;
using Switchboard.IntegrationTests.Infrastructure;
using Switchboard.Tests;

namespace Switchboard.IntegrationTests.Connectors.Telegram;

/// <summary>
/// Moderation through the real host and a loopback Bot API: a scam message in a customer group becomes a trust &amp;
/// safety card in the team chat with moderation buttons; a mod presses one and the fake sees the Bot API call; the
/// outcome (or the refusal) is in the case log and the hash-chained audit log.
/// </summary>
public sealed partial class TelegramChatModeratorTests : IAsyncLifetime
{
    private const string Token = "300001:ModerationTokenModerationTokenMo";
    private const long TeamChat = -1002000;
    private const long CustomerGroup = -1003000;
    private const long BotId = 42;
    private const long Scammer = 5551;
    private const long Reporter = 5552;
    private const long Mod = 2001;
    private const long Agent = 2002;
    // What the scammer posts (not a member warning about one, which would read as a report: see MemberReportModerationTests).
    private const string Scam = "URGENT: your account was hacked. Verify your login code at bit.ly/verify-now within 12hrs or it will be closed";

    private readonly TempFolder _folder = new();
    private FakeBotApi _api = null!;
    private TestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _api = await FakeBotApi.StartAsync(TestContext.Current.CancellationToken);
        BotRights(canDelete: true);
        var teamsPath = _folder.File("teams.yaml");
        await File.WriteAllTextAsync(
            teamsPath,
            ReviewChannel().Replace(await File.ReadAllTextAsync(RepoPaths.InRepo("config", "teams.yaml"), TestContext.Current.CancellationToken), $"{{ connector: telegram, channelId: \"{Id(TeamChat)}\" }}"),
            TestContext.Current.CancellationToken);
        _host = await TestHost.StartAsync(_folder.File("sb.db"), new Dictionary<string, string?>
        {
            ["Switchboard:Connectors:Telegram:Enabled"] = "true",
            ["Switchboard:Connectors:Telegram:BotToken"] = Token,
            ["Switchboard:Connectors:Telegram:ApiBaseUrl"] = _api.BaseUrl,
            ["Switchboard:Connectors:Telegram:PollTimeoutSeconds"] = "1",
            ["Switchboard:Connectors:Telegram:OffsetFile"] = _folder.File("offset"),
            ["Switchboard:Connectors:Telegram:TeamChats:0"] = Id(TeamChat),
            ["Switchboard:Connectors:Telegram:CustomerChats:0"] = Id(CustomerGroup),
            ["Switchboard:Connectors:Telegram:PerChatMessagesPerSecond"] = "50",
            ["Switchboard:Connectors:Telegram:PerGroupMessagesPerMinute"] = "6000",
            ["Switchboard:Routing:TeamsPath"] = teamsPath,
            ["Switchboard:Governance:Members:20:Actor"] = "telegram:" + Id(Mod),
            ["Switchboard:Governance:Members:20:Roles:0"] = "moderator",
            ["Switchboard:Governance:Members:21:Actor"] = "telegram:" + Id(Agent),
            ["Switchboard:Governance:Members:21:Roles:0"] = "agent",
            ["Switchboard:Moderation:WarningText"] = "Admins never DM you first.",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task DeletePressedByModerator_DeletesTheMessageAndAuditsIt()
    {
        var scamId = _api.AddGroupMessage(CustomerGroup, Scammer, "crypto_support_desk", Scam);
        var (cardId, buttons) = await CardAsync();
        Assert.Contains("Ban author", buttons.Keys);
        Assert.Contains("Restrict author", buttons.Keys);
        Assert.Contains("Pin warning", buttons.Keys);

        _api.AddCallbackQuery(TeamChat, cardId, Mod, "tess", buttons["Delete message"]);

        var delete = await Eventually.GetAsync(() => Task.FromResult(_api.CallsTo("deleteMessage").FirstOrDefault()), what: "deleteMessage");
        Assert.Equal(CustomerGroup, (long)delete["chat_id"]!);
        Assert.Equal(scamId, (long)delete["message_id"]!);
        var answer = await AnswerAsync();
        Assert.Contains("Message deleted by @tess", (string?)answer["text"], StringComparison.Ordinal);
        var edited = await Eventually.GetAsync(
            () => Task.FromResult(_api.CallsTo("editMessageText").FirstOrDefault(m => ((string?)m["text"])?.Contains("Message deleted by @tess", StringComparison.Ordinal) == true)),
            what: "the card edited in place");
        Assert.Equal(TeamChat, (long)edited["chat_id"]!);
        Assert.Equal(cardId, (long)edited["message_id"]!);
        Assert.NotEmpty(edited["reply_markup"]!["inline_keyboard"]!.AsArray());
        var done = Assert.Single(await EventsAsync("moderation.delete_message"));
        Assert.Equal("user:@tess", done.Actor);
        Assert.Contains("\"done\":true", done.Detail, StringComparison.Ordinal);
        var audit = await AuditAsync();
        Assert.Contains(audit, e => e.Action == "moderation.delete_message" && e.Actor == "user:@tess");
        Assert.True(AuditChain.Verify(audit).Ok);
    }

    [Fact]
    public async Task PinWarningPressedByModerator_PostsAndPinsTheConfiguredWarning()
    {
        _api.AddGroupMessage(CustomerGroup, Scammer, "crypto_support_desk", Scam);
        var (cardId, buttons) = await CardAsync();

        _api.AddCallbackQuery(TeamChat, cardId, Mod, "tess", buttons["Pin warning"]);

        var pin = await Eventually.GetAsync(() => Task.FromResult(_api.CallsTo("pinChatMessage").FirstOrDefault()), what: "pinChatMessage");
        Assert.Contains("pinned by @tess", (string?)(await AnswerAsync())["text"], StringComparison.Ordinal);
        Assert.Equal(CustomerGroup, (long)pin["chat_id"]!);
        var warning = Assert.Single(_api.CallsTo("sendMessage"), m => (string?)m["text"] == "Admins never DM you first.");
        Assert.Equal(CustomerGroup, (long)warning["chat_id"]!);
        Assert.Single(await EventsAsync("moderation.pin_warning"));
    }

    [Fact]
    public async Task DeletePressedByAgent_RefusedNamingTheRoleAndAudited()
    {
        _api.AddGroupMessage(CustomerGroup, Scammer, "crypto_support_desk", Scam);
        var (cardId, buttons) = await CardAsync();

        _api.AddCallbackQuery(TeamChat, cardId, Agent, "sam", buttons["Delete message"]);

        var answer = await AnswerAsync();
        Assert.Contains("moderator", (string?)answer["text"], StringComparison.Ordinal);
        Assert.True((bool?)answer["show_alert"]);
        var refused = Assert.Single(await EventsAsync("moderation.refused"));
        Assert.Equal("user:@sam", refused.Actor);
        Assert.Contains(await AuditAsync(), e => e.Action == "moderation.refused" && e.Actor == "user:@sam");
        Assert.Empty(_api.CallsTo("deleteMessage"));
        Assert.Empty(_api.CallsTo("getChatMember"));
    }

    [Fact]
    public async Task DeleteWhenBotLacksTheRight_ClearMessageNoDeleteAndAuditedAsFailed()
    {
        BotRights(canDelete: false);
        _api.AddGroupMessage(CustomerGroup, Scammer, "crypto_support_desk", Scam);
        var (cardId, buttons) = await CardAsync();

        _api.AddCallbackQuery(TeamChat, cardId, Mod, "tess", buttons["Delete message"]);

        var answer = await AnswerAsync();
        Assert.Contains("'Delete messages'", (string?)answer["text"], StringComparison.Ordinal);
        Assert.Single(await EventsAsync("moderation.delete_message.failed"));
        Assert.Empty(await EventsAsync("moderation.delete_message"));
        Assert.Empty(_api.CallsTo("deleteMessage"));
    }

    [Fact]
    public async Task BanPressedOnAMembersReport_BansTheReportedAuthorNotTheReporter()
    {
        var scamId = _api.AddGroupMessage(CustomerGroup, Scammer, "crypto_support_desk", Scam);
        await CardAsync();
        _api.AddGroupMessage(CustomerGroup, Reporter, "mia", "@admin this is a scam, he DMed me too", replyToMessageId: scamId);
        var (cardId, buttons) = await CardAsync(text => text.Contains("this is a scam", StringComparison.Ordinal));

        _api.AddCallbackQuery(TeamChat, cardId, Mod, "tess", buttons["Ban author"]);

        var ban = await Eventually.GetAsync(() => Task.FromResult(_api.CallsTo("banChatMember").FirstOrDefault()), what: "banChatMember");
        Assert.Equal(CustomerGroup, (long)ban["chat_id"]!);
        Assert.Equal(Scammer, (long)ban["user_id"]!);
        Assert.Contains("acted on the reported message by @crypto_support_desk", (string?)(await AnswerAsync())["text"], StringComparison.Ordinal);
        Assert.DoesNotContain(_api.CallsTo("banChatMember"), b => (long)b["user_id"]! == Reporter);
        var audit = await AuditAsync();
        var done = Assert.Single(audit, e => e.Action == "moderation.ban_author");
        Assert.Contains("acted on the reported message by @crypto_support_desk", done.After, StringComparison.Ordinal);
        Assert.True(AuditChain.Verify(audit).Ok);
    }

    private void BotRights(bool canDelete) => _api.ChatMembers[(CustomerGroup, BotId)] = new JsonObject
    {
        ["status"] = "administrator",
        ["user"] = new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "Fake" },
        ["can_delete_messages"] = canDelete,
        ["can_restrict_members"] = true,
        ["can_pin_messages"] = true,
    };

    /// <summary>The (first matching) trust &amp; safety card in the team chat: its message id and its buttons by label.</summary>
    private async Task<(long MessageId, Dictionary<string, string> Buttons)> CardAsync(Func<string, bool>? matching = null)
    {
        var card = await Eventually.GetAsync(
            () => Task.FromResult(_api.CallsTo("sendMessage").FirstOrDefault(m => (long?)m["chat_id"] == TeamChat && m["reply_markup"] is not null
                && (matching is null || matching((string?)m["text"] ?? string.Empty)))),
            what: "the review card in the team chat");
        var buttons = card["reply_markup"]!["inline_keyboard"]!.AsArray()
            .SelectMany(row => row!.AsArray())
            .Where(b => ((string?)b!["callback_data"])?.StartsWith(TelegramCardRenderer.ActionPrefix, StringComparison.Ordinal) == true)
            .ToDictionary(b => (string)b!["text"]!, b => (string)b!["callback_data"]!);
        Assert.Contains("trust_safety", (string?)card["text"], StringComparison.Ordinal);

        // The fake numbers its sent messages from 701 in order; the card is the first one into the team chat.
        var index = _api.CallsTo("sendMessage").TakeWhile(m => !ReferenceEquals(m, card)).Count();
        return (701 + index, buttons);
    }

    private Task<JsonObject> AnswerAsync() =>
        Eventually.GetAsync(() => Task.FromResult(_api.CallsTo("answerCallbackQuery").FirstOrDefault()), what: "the answer to the press");

    private Task<IReadOnlyList<CaseEvent>> EventsAsync(string kind) => AuditTrail.EventsOfOnlyCaseAsync(_host, kind);

    private Task<List<AuditEntry>> AuditAsync() => AuditTrail.ReadAsync(_host);

    private static string Id(long value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\{ connector: playground, channelId: [^}]+\}")]
    private static partial Regex ReviewChannel();
}
