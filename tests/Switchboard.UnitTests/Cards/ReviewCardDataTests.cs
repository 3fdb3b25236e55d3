using Switchboard.Core.Cards;
using Switchboard.Core.Connectors;
using Switchboard.Core.Domain;

namespace Switchboard.UnitTests.Cards;

public sealed class ReviewCardDataTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 14, 0, 0, TimeSpan.Zero);

    private static CaseRecord Case(DateTimeOffset? due = null, DateTimeOffset? responded = null) =>
        new(42, "telegram:ana", "telegram", "playground", CaseStatus.AwaitingApproval, 3, Now, Now)
        {
            CustomerHandle = "@ana",
            Intent = "billing",
            Severity = "high",
            Confidence = 0.873,
            OwnerTeam = "finance",
            FirstResponseDueAt = due,
            FirstRespondedAt = responded,
            DraftText = "Hi @ana, …",
            ReplyIsPublic = true,
        };

    [Fact]
    public void SlaText_DueInTheFuture_SaysHowLongIsLeft() =>
        Assert.Equal("first response due in 45 min", ReviewCardData.SlaText(Case(Now.AddMinutes(45)), Now));

    [Fact]
    public void SlaText_PastDue_SaysOverdue() =>
        Assert.Equal("first response overdue by 2 h", ReviewCardData.SlaText(Case(Now.AddHours(-2)), Now));

    [Fact]
    public void SlaText_AlreadyAnswered_SaysSo() =>
        Assert.Equal("first response sent", ReviewCardData.SlaText(Case(Now.AddMinutes(5), Now), Now));

    [Fact]
    public void Build_WithTokens_CarriesTheContractFields()
    {
        var data = ReviewCardData.Build(Case(Now.AddMinutes(45)), null, ["rule pii.email"], 1, new Dictionary<string, string> { ["approve"] = "tokA" }, null, Now);

        Assert.Equal(42, (long)data["case"]!["id"]!);
        Assert.Equal(3, (int)data["case"]!["version"]!);
        Assert.Equal("awaiting_approval", (string?)data["case"]!["status"]);
        Assert.Equal(0.87, (double)data["case"]!["confidence"]!);
        Assert.Equal("tokA", (string?)data["actions"]!["approve"]);
        Assert.Null(data["outcome"]);
    }

    [Fact]
    public void BuiltInComposer_WithOutcome_ShowsItAndDropsActions()
    {
        var data = ReviewCardData.Build(Case(), null, [], 1, new Dictionary<string, string> { ["approve"] = "tokA" }, "Approved by @dana at 14:02", Now);

        var card = new BuiltInCardComposer().Compose(CardKinds.Review, data);

        Assert.Null(card.Card["actions"]);
        Assert.Contains("Approved by @dana at 14:02", card.Card.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("1.5", (string?)card.Card["version"]);
    }

    [Fact]
    public void BuiltInComposer_WithTokens_EveryActionCarriesItsToken()
    {
        var tokens = new Dictionary<string, string> { ["approve"] = "tA", ["edit"] = "tE", ["escalate"] = "tX", ["retag"] = "tR" };
        var card = new BuiltInCardComposer().Compose(CardKinds.Review, ReviewCardData.Build(Case(), null, [], 1, tokens, null, Now));

        var actions = card.Card["actions"]!.AsArray();
        Assert.Equal(["approve", "edit", "escalate", "retag"], actions.Select(a => (string?)a!["verb"]));
        Assert.Equal(["tA", "tE", "tX", "tR"], actions.Select(a => (string?)a!["data"]!["token"]));
        Assert.All(actions, a => Assert.Equal("Action.Execute", (string?)a!["type"]));
        _ = new CardPayload(card.Kind, card.Card, card.FallbackText);
    }
}
