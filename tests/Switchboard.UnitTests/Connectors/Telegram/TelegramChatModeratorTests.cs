using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core.Review.Moderation;

namespace Switchboard.UnitTests.Connectors.Telegram;

/// <summary>The platform-neutral moderation request mapped onto Bot API calls, through the connector's own DI registration.</summary>
public sealed class TelegramChatModeratorTests : IDisposable
{
    private const string Group = "-1003000";
    private readonly StubBotApiHandler _api = new();
    private readonly ServiceProvider _services;
    private readonly IChatModerator _moderator;

    public TelegramChatModeratorTests()
    {
        _api.Respond = (method, body) => method == "getChatMember"
            ? StubBotApiHandler.Json(HttpStatusCode.OK, (long)body["user_id"]! == 42
                ? """{"ok": true, "result": {"status": "administrator", "user": {"id": 42, "is_bot": true, "first_name": "S"}, "can_delete_messages": true, "can_restrict_members": true, "can_pin_messages": true}}"""
                : """{"ok": true, "result": {"status": "member", "user": {"id": 5551, "is_bot": false, "first_name": "Scammer"}}}""")
            : null;
        _services = TelegramTestServices.Build(_api);
        _moderator = Assert.Single(_services.GetServices<IChatModerator>());
    }

    [Fact]
    public void Actions_Telegram_OffersEveryModerationAction()
    {
        Assert.Equal("telegram", _moderator.Connector);
        Assert.Equal(ModerationActions.All.Order(), _moderator.Actions.Order());
    }

    [Fact]
    public async Task ModerateAsync_Delete_DeletesTheStoredMessageInItsChat()
    {
        var outcome = await _moderator.ModerateAsync(Request(ModerationActions.DeleteMessage), TestContext.Current.CancellationToken);

        Assert.True(outcome.Done, outcome.Message);
        var call = Assert.Single(_api.CallsTo("deleteMessage"));
        Assert.Equal(-1003000, (long)call["chat_id"]!);
        Assert.Equal(881, (long)call["message_id"]!);
    }

    [Fact]
    public async Task ModerateAsync_Restrict_MutesTheAuthorForTheDuration()
    {
        var outcome = await _moderator.ModerateAsync(Request(ModerationActions.RestrictAuthor), TestContext.Current.CancellationToken);

        Assert.True(outcome.Done, outcome.Message);
        var call = Assert.Single(_api.CallsTo("restrictChatMember"));
        Assert.Equal(5551, (long)call["user_id"]!);
        var until = DateTimeOffset.FromUnixTimeSeconds((long)call["until_date"]!);
        Assert.InRange(until - TimeProvider.System.GetUtcNow(), TimeSpan.FromMinutes(118), TimeSpan.FromMinutes(121));
    }

    [Fact]
    public async Task ModerateAsync_Ban_BansTheAuthor()
    {
        var outcome = await _moderator.ModerateAsync(Request(ModerationActions.BanAuthor), TestContext.Current.CancellationToken);

        Assert.True(outcome.Done, outcome.Message);
        Assert.Equal(5551, (long)Assert.Single(_api.CallsTo("banChatMember"))["user_id"]!);
    }

    [Fact]
    public async Task ModerateAsync_PinWarning_PostsTheWarningIntoTheTopicAndPinsIt()
    {
        var outcome = await _moderator.ModerateAsync(Request(ModerationActions.PinWarning) with { ThreadId = "9" }, TestContext.Current.CancellationToken);

        Assert.True(outcome.Done, outcome.Message);
        var sent = Assert.Single(_api.CallsTo("sendMessage"));
        Assert.Equal("Admins never DM you first.", (string?)sent["text"]);
        Assert.Equal(9, (long)sent["message_thread_id"]!);
        Assert.Single(_api.CallsTo("pinChatMessage"));
    }

    [Fact]
    public async Task ModerateAsync_UnknownAction_RefusedWithoutCallingTelegram()
    {
        var outcome = await _moderator.ModerateAsync(Request("shadow_ban"), TestContext.Current.CancellationToken);

        Assert.False(outcome.Done);
        Assert.Empty(_api.Calls);
    }

    private static ModerationRequest Request(string action) =>
        new(action, "telegram", Group, null, "-1003000:881", "5551", "Admins never DM you first.", TimeSpan.FromHours(2), "Switchboard case #7, moderator @tess");

    public void Dispose() => _services.Dispose();
}
