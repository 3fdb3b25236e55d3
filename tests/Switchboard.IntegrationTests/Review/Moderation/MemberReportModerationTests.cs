using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core.Domain;
using Switchboard.Core.Governance.Audit;
using Switchboard.Core.Review.Moderation;
using Switchboard.Core.Storage;
using Switchboard.Hosting;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Review.Moderation;

/// <summary>
/// <see cref="ModerationService"/> on a member's report ("@admin this is a scam", replying to the scam) with the real
/// SQLite stores and DI graph of the host (built, not started, so no pipeline races the seeded cases) and a recording
/// platform moderator: it acts on the reported message and its author, never on the reporter, or refuses without a call.
/// </summary>
public sealed class MemberReportModerationTests : IAsyncLifetime
{
    private const string Chat = "-1003000";
    private const string Scammer = "5551";
    private const string Reporter = "6001";
    private const string Mod = "telegram:2001";
    private static readonly DateTimeOffset At = new(2026, 11, 22, 6, 0, 0, TimeSpan.Zero);

    private readonly TempFolder _folder = new();
    private readonly RecordingModerator _platform = new();
    private WebApplication _app = null!;

    public ValueTask InitializeAsync()
    {
        _app = SwitchboardHost.Build(
            [
                $"--Switchboard:Storage:SqlitePath={_folder.File("sb.db")}",
                $"--Switchboard:Playground:FilesPath={_folder.File("files")}",
                "--Logging:LogLevel:Default=Warning",
                $"--Switchboard:Governance:Members:20:Actor={Mod}",
                "--Switchboard:Governance:Members:20:Roles:0=moderator",
            ],
            builder => builder.Services.AddSingleton<IChatModerator>(_platform));
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _folder.Dispose();
    }

    private ModerationService Moderation => _app.Services.GetRequiredService<ModerationService>();

    private ICaseStore Cases => _app.Services.GetRequiredService<ICaseStore>();

    [Theory]
    [InlineData(ModerationActions.BanAuthor)]
    [InlineData(ModerationActions.RestrictAuthor)]
    [InlineData(ModerationActions.DeleteMessage)]
    public async Task Moderate_ReportReplyingToStoredMessage_ActsOnTheReportedMessageAndItsAuthor(string action)
    {
        await CaseAsync(Message("10", Scammer, "@cryptodesk", "URGENT: your wallet is locked, send your seed phrase to unlock it"));
        var c = await CaseAsync(Message("11", Reporter, "@mia", "@admin this is a scam", replyTo: "10"));

        var result = await Moderation.ModerateAsync(c, action, Mod, "@tess", TestContext.Current.CancellationToken);

        Assert.True(result.Accepted, result.Message);
        Assert.EndsWith("(acted on the reported message by @cryptodesk).", result.Message, StringComparison.Ordinal);
        var call = Assert.Single(_platform.Requests);
        Assert.Equal(action, call.Action);
        Assert.Equal(Scammer, call.AuthorId);
        Assert.Equal($"{Chat}:10", call.PlatformMessageId);
        var done = Assert.Single(await EventsAsync(c, $"moderation.{action}"));
        Assert.Contains($"\"authorId\":\"{Scammer}\"", done.Detail, StringComparison.Ordinal);
        Assert.Contains($"\"reporterId\":\"{Reporter}\"", done.Detail, StringComparison.Ordinal);
        Assert.Contains("acted on the reported message by @cryptodesk", done.Detail, StringComparison.Ordinal);
        var audit = await AuditAsync();
        Assert.Contains(audit, e => e.Action == $"moderation.{action}" && e.CaseId == c.Id);
        Assert.True(AuditChain.Verify(audit).Ok);
    }

    [Fact]
    public async Task Moderate_ReportReplyAndThePlatformSaysNo_FailureAuditedNamingTheReportedMessage()
    {
        await CaseAsync(Message("90", Scammer, "@cryptodesk", "send your seed phrase"));
        var c = await CaseAsync(Message("91", Reporter, "@mia", "reported", replyTo: "90"));
        _platform.Answer = new ModerationOutcome(false, "The bot needs the 'Ban users' admin right.");

        var result = await Moderation.ModerateAsync(c, ModerationActions.BanAuthor, Mod, "@tess", TestContext.Current.CancellationToken);

        Assert.False(result.Accepted);
        Assert.Equal("The bot needs the 'Ban users' admin right (tried the reported message by @cryptodesk).", result.Message);
        Assert.Equal(Scammer, Assert.Single(_platform.Requests).AuthorId);
        var failed = Assert.Single(await EventsAsync(c, "moderation.ban_author.failed"));
        Assert.Contains($"\"reporterId\":\"{Reporter}\"", failed.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ModerationActions.BanAuthor)]
    [InlineData(ModerationActions.DeleteMessage)]
    public async Task Moderate_ReportReplyingToUnseenMessage_RefusedWithoutAPlatformCall(string action)
    {
        var c = await CaseAsync(Message("21", Reporter, "@mia", "reported, fake account", replyTo: "20"));

        var result = await Moderation.ModerateAsync(c, action, Mod, "@tess", TestContext.Current.CancellationToken);

        Assert.False(result.Accepted);
        Assert.Equal(
            "This message is a member's report about another message that Switchboard has not seen; act on the reported message in Telegram directly.",
            result.Message);
        Assert.Empty(_platform.Requests);
        var refused = Assert.Single(await EventsAsync(c, "moderation.refused"));
        Assert.Contains("has not seen", refused.Detail, StringComparison.Ordinal);
        Assert.Contains(await AuditAsync(), e => e.Action == "moderation.refused" && e.CaseId == c.Id);
    }

    [Fact]
    public async Task Moderate_ReportThatRepliesToNothing_AuthorActionsAndDeleteRefusedWarningPosted()
    {
        var c = await CaseAsync(Message("31", Reporter, "@mia", "mods pls ban this guy, he keeps DMing people"));

        var ban = await Moderation.ModerateAsync(c, ModerationActions.BanAuthor, Mod, "@tess", TestContext.Current.CancellationToken);
        var restrict = await Moderation.ModerateAsync(c, ModerationActions.RestrictAuthor, Mod, "@tess", TestContext.Current.CancellationToken);
        var delete = await Moderation.ModerateAsync(c, ModerationActions.DeleteMessage, Mod, "@tess", TestContext.Current.CancellationToken);
        Assert.Empty(_platform.Requests);
        var warning = await Moderation.ModerateAsync(c, ModerationActions.PinWarning, Mod, "@tess", TestContext.Current.CancellationToken);

        Assert.All([ban, restrict, delete], r => Assert.False(r.Accepted));
        Assert.Contains("who was reported cannot be known", ban.Message, StringComparison.Ordinal);
        Assert.True(warning.Accepted, warning.Message);
        Assert.Equal(ModerationActions.PinWarning, Assert.Single(_platform.Requests).Action);
        Assert.Equal(3, (await EventsAsync(c, "moderation.refused")).Count);
        Assert.Single(await EventsAsync(c, "moderation.pin_warning"));
    }

    [Fact]
    public async Task Moderate_HarassingReplyThatIsNotAReport_ActsOnItsOwnAuthor()
    {
        await StoreAsync(Message("40", "7001", "@bob", "Anyone else waiting on the new release?"));
        var c = await CaseAsync(Message("41", "8001", "@troll", "@bob you are an idiot", replyTo: "40"));

        var result = await Moderation.ModerateAsync(c, ModerationActions.BanAuthor, Mod, "@tess", TestContext.Current.CancellationToken);

        Assert.True(result.Accepted, result.Message);
        Assert.DoesNotContain("reported message", result.Message, StringComparison.Ordinal);
        var call = Assert.Single(_platform.Requests);
        Assert.Equal("8001", call.AuthorId);
        Assert.Equal($"{Chat}:41", call.PlatformMessageId);
    }

    [Fact]
    public async Task Moderate_ReportWordingReplyingToANonTrustSafetyMessage_RefusedSoTheVictimIsNotPunished()
    {
        // A scammer's "beware of fake admins, DM @real_help" in reply to a member's question reads as a report.
        await CaseAsync(Message("70", "7001", "@bob", "How do I withdraw my balance?"), intent: "support");
        var c = await CaseAsync(Message("71", Scammer, "@cryptodesk", "Beware of fake admins! DM @real_help_desk to withdraw", replyTo: "70"));

        var result = await Moderation.ModerateAsync(c, ModerationActions.BanAuthor, Mod, "@tess", TestContext.Current.CancellationToken);

        Assert.False(result.Accepted);
        Assert.Contains("by @bob, is a support case", result.Message, StringComparison.Ordinal);
        Assert.Contains("act in Telegram directly", result.Message, StringComparison.Ordinal);
        Assert.Empty(_platform.Requests);
        Assert.Single(await EventsAsync(c, "moderation.refused"));
    }

    [Theory]
    [InlineData("untriaged", "has not been triaged yet")]
    [InlineData("own message", "replies to their own message")]
    [InlineData("other chat", "has not seen")]
    public async Task Moderate_ReportReplyingToAnOriginalItMayNotActOn_RefusedWithoutAPlatformCall(string original, string refusal)
    {
        await StoreAsync(original switch
        {
            "untriaged" => Message("80", Scammer, "@cryptodesk", "send your seed phrase"),
            "own message" => Message("80", Reporter, "@mia", "Got a DM from 'support' asking for my code"),
            _ => Message("80", Scammer, "@cryptodesk", "send your seed phrase", chat: "-1009999"),
        });
        var c = await CaseAsync(Message("81", Reporter, "@mia", "@admins reporting this", replyTo: "80"));

        var result = await Moderation.ModerateAsync(c, ModerationActions.BanAuthor, Mod, "@tess", TestContext.Current.CancellationToken);

        Assert.False(result.Accepted);
        Assert.Contains(refusal, result.Message, StringComparison.Ordinal);
        Assert.Empty(_platform.Requests);
        Assert.Single(await EventsAsync(c, "moderation.refused"));
    }

    /// <summary>A group message keyed <c>{Chat}:{id}</c>; <paramref name="chat"/> moves only its channel (a mismatch a forged or odd reply could carry).</summary>
    private static InboundMessage Message(string id, string author, string handle, string text, string? replyTo = null, string chat = Chat) =>
        new("telegram", "telegram", $"{Chat}:{id}", chat, chat, null, author, handle, text, true, [], At, At,
            replyTo is null ? null : $"{Chat}:{replyTo}");

    private async Task<long> StoreAsync(InboundMessage message) =>
        (await _app.Services.GetRequiredService<IMessageStore>().StoreAsync(message, TestContext.Current.CancellationToken)).MessageId;

    /// <summary>A case (trust &amp; safety unless told) holding the message, as the pipeline would have left it.</summary>
    private async Task<CaseRecord> CaseAsync(InboundMessage message, string intent = "trust_safety")
    {
        var id = await StoreAsync(message);
        var draft = new CaseRecord(0, message.CustomerKey, message.Platform, message.Connector, CaseStatus.AwaitingApproval, 1, At, At)
        {
            CustomerHandle = message.AuthorHandle,
            Intent = intent,
            Severity = "high",
        };
        var result = await Cases.CommitAsync(new CaseCommit(draft, null) { AttachMessageIds = [id], CompletesMessageId = id }, TestContext.Current.CancellationToken);
        Assert.True(result.Committed);
        return result.Case!;
    }

    private async Task<List<CaseEvent>> EventsAsync(CaseRecord c, string kind) =>
        [.. (await Cases.GetEventsAsync(c.Id, TestContext.Current.CancellationToken)).Where(e => e.Kind == kind)];

    private Task<List<AuditEntry>> AuditAsync() => AuditTrail.ReadAsync(_app.Services.GetRequiredService<IAuditLogStore>());

    /// <summary>A platform that records what it was asked to do and says done (or <see cref="Answer"/>).</summary>
    private sealed class RecordingModerator : IChatModerator
    {
        private readonly ConcurrentQueue<ModerationRequest> _requests = new();

        public string Connector => "telegram";

        public IReadOnlySet<string> Actions { get; } = new HashSet<string>(ModerationActions.All, StringComparer.Ordinal);

        public IReadOnlyList<ModerationRequest> Requests => [.. _requests];

        /// <summary>What the platform answers; null: done.</summary>
        public ModerationOutcome? Answer { get; set; }

        public Task<ModerationOutcome> ModerateAsync(ModerationRequest request, CancellationToken cancellationToken)
        {
            _requests.Enqueue(request);
            return Task.FromResult(Answer ?? new ModerationOutcome(true, $"Done: {request.Action}."));
        }
    }
}
