using Switchboard.Core.Domain;
using Switchboard.Core.Review.Moderation;

namespace Switchboard.UnitTests.Review.Moderation;

/// <summary>Which message a moderation button acts on (the rules that need the stores are in the integration tests).</summary>
public sealed class ModerationServiceTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public void OffendingMessage_SeveralMessages_LatestOnTheCaseConnector()
    {
        var c = Case("telegram");
        StoredMessage[] history = [Stored(1, "telegram", "-100:1"), Stored(2, "telegram", "-100:2"), Stored(3, "playground", "p-3")];

        var target = ModerationService.OffendingMessage(c, history);

        Assert.Equal("-100:2", target?.PlatformMessageId);
    }

    [Fact]
    public void OffendingMessage_NoMessageOnTheConnector_Null()
    {
        Assert.Null(ModerationService.OffendingMessage(Case("discord"), [Stored(1, "telegram", "-100:1")]));
    }

    private static CaseRecord Case(string connector) =>
        new(7, "telegram:5551", connector, connector, CaseStatus.AwaitingApproval, 2, At, At) { Intent = "trust_safety" };

    private static StoredMessage Stored(long id, string connector, string platformMessageId) =>
        new(id, new InboundMessage(connector, connector, platformMessageId, "-100", "-100", null, "5551", "@scam", "free crypto", true, [], At, At), 7, At);
}
