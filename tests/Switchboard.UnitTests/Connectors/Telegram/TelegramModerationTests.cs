using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Connectors.Telegram;

namespace Switchboard.UnitTests.Connectors.Telegram;

public sealed class TelegramModerationTests : IDisposable
{
    private const string Group = "-1003000";
    private readonly StubBotApiHandler _api = new();
    private readonly ServiceProvider _services;
    private readonly TelegramModeration _moderation;
    private string _botMember = """{"status": "administrator", "user": {"id": 42, "is_bot": true, "first_name": "Switchboard"}, "can_delete_messages": true, "can_restrict_members": true, "can_pin_messages": true}""";
    private string _targetMember = """{"status": "member", "user": {"id": 5551, "is_bot": false, "first_name": "Scammer"}}""";

    public TelegramModerationTests()
    {
        _api.Respond = (method, body) => method == "getChatMember"
            ? StubBotApiHandler.Json(HttpStatusCode.OK, $$"""{"ok": true, "result": {{((long)body["user_id"]! == 42 ? _botMember : _targetMember)}} }""")
            : null;
        _services = TelegramTestServices.Build(_api);
        _moderation = _services.GetRequiredService<TelegramModeration>();
    }

    [Fact]
    public async Task ExecuteAuthorizedAsync_DeleteWithRights_DeletesTheMessage()
    {
        var result = await _moderation.ExecuteAuthorizedAsync(
            new TelegramModerationRequest(TelegramModerationAction.DeleteMessage, Group, PlatformMessageId: "-1003000:881"),
            TestContext.Current.CancellationToken);

        Assert.True(result.Done);
        var call = Assert.Single(_api.CallsTo("deleteMessage"));
        Assert.Equal(881, (long)call["message_id"]!);
        Assert.Equal(42, (long)Assert.Single(_api.CallsTo("getChatMember"))["user_id"]!);
    }

    [Fact]
    public async Task ExecuteAuthorizedAsync_BotNotAdmin_RefusedWithoutActing()
    {
        _botMember = """{"status": "member", "user": {"id": 42, "is_bot": true, "first_name": "Switchboard"}}""";

        var result = await _moderation.ExecuteAuthorizedAsync(
            new TelegramModerationRequest(TelegramModerationAction.BanAuthor, Group, AuthorId: "5551"),
            TestContext.Current.CancellationToken);

        Assert.False(result.Done);
        Assert.Contains("not an administrator", result.Message, StringComparison.Ordinal);
        Assert.Empty(_api.CallsTo("banChatMember"));
    }

    [Fact]
    public async Task ExecuteAuthorizedAsync_AdminWithoutPinRight_RefusedNamingTheRight()
    {
        _botMember = """{"status": "administrator", "user": {"id": 42, "is_bot": true, "first_name": "S"}, "can_delete_messages": true, "can_pin_messages": false}""";

        var result = await _moderation.ExecuteAuthorizedAsync(
            new TelegramModerationRequest(TelegramModerationAction.PinWarning, Group, WarningText: "Admins never DM you first."),
            TestContext.Current.CancellationToken);

        Assert.False(result.Done);
        Assert.Contains("'Pin messages'", result.Message, StringComparison.Ordinal);
        Assert.Empty(_api.CallsTo("sendMessage"));
    }

    [Fact]
    public async Task ExecuteAuthorizedAsync_RestrictAnAdministrator_Refused()
    {
        _targetMember = """{"status": "administrator", "user": {"id": 5551, "is_bot": false, "first_name": "Mod"}}""";

        var result = await _moderation.ExecuteAuthorizedAsync(
            new TelegramModerationRequest(TelegramModerationAction.RestrictAuthor, Group, AuthorId: "5551"),
            TestContext.Current.CancellationToken);

        Assert.False(result.Done);
        Assert.Empty(_api.CallsTo("restrictChatMember"));
    }

    [Fact]
    public async Task ExecuteAuthorizedAsync_RestrictForADay_SendsPermissionsAndUntilDate()
    {
        var result = await _moderation.ExecuteAuthorizedAsync(
            new TelegramModerationRequest(TelegramModerationAction.RestrictAuthor, Group, AuthorId: "5551", RestrictFor: TimeSpan.FromDays(1)),
            TestContext.Current.CancellationToken);

        Assert.True(result.Done);
        var call = Assert.Single(_api.CallsTo("restrictChatMember"));
        Assert.False((bool)call["permissions"]!["can_send_messages"]!);
        Assert.True((long)call["until_date"]! > 1_700_000_000);
    }

    [Fact]
    public async Task ExecuteAuthorizedAsync_PinWarning_PostsThenPins()
    {
        var result = await _moderation.ExecuteAuthorizedAsync(
            new TelegramModerationRequest(TelegramModerationAction.PinWarning, Group, WarningText: "Admins never DM you first.", ThreadId: "9"),
            TestContext.Current.CancellationToken);

        Assert.True(result.Done);
        var sent = Assert.Single(_api.CallsTo("sendMessage"));
        Assert.Equal(9, (long)sent["message_thread_id"]!);
        Assert.Equal(501, (long)Assert.Single(_api.CallsTo("pinChatMessage"))["message_id"]!);
        Assert.Equal("-1003000:501", result.PostedMessageId);
    }

    [Fact]
    public async Task ExecuteAuthorizedAsync_TelegramSaysNo_ReturnsRefusal()
    {
        var inner = _api.Respond;
        _api.Respond = (method, body) => method == "deleteMessage"
            ? StubBotApiHandler.Json(HttpStatusCode.BadRequest, """{"ok": false, "error_code": 400, "description": "Bad Request: message can't be deleted"}""")
            : inner(method, body);

        var result = await _moderation.ExecuteAuthorizedAsync(
            new TelegramModerationRequest(TelegramModerationAction.DeleteMessage, Group, PlatformMessageId: "-1003000:881"),
            TestContext.Current.CancellationToken);

        Assert.False(result.Done);
        Assert.Contains("message can't be deleted", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAuthorizedAsync_PrivateChat_Refused()
    {
        var result = await _moderation.ExecuteAuthorizedAsync(
            new TelegramModerationRequest(TelegramModerationAction.BanAuthor, "5551", AuthorId: "5551"),
            TestContext.Current.CancellationToken);

        Assert.False(result.Done);
        Assert.Empty(_api.Calls);
    }

    public void Dispose() => _services.Dispose();
}
