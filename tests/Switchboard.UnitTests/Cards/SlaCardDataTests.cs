using Switchboard.Core.Cards;
using Switchboard.Core.Connectors;
using Switchboard.Core.Domain;
using Switchboard.Core.Routing.Sla;

namespace Switchboard.UnitTests.Cards;

public sealed class SlaCardDataTests
{
    private static readonly DateTimeOffset Due = new(2026, 11, 22, 14, 0, 0, TimeSpan.Zero);

    private static readonly CaseRecord Case = new(1077, "discord:kofi", "discord", "discord", CaseStatus.AwaitingApproval, 2, Due, Due)
    {
        CustomerHandle = "@kofi_b",
        Intent = "outage",
        Severity = "critical",
        OwnerTeam = "engineering",
    };

    [Fact]
    public void Build_Breach_ComposesAnOverdueCardWithEscalate()
    {
        var alert = new SlaAlert(SlaAlertKind.Breach, SlaClockKinds.FirstResponse, Due, Due.AddMinutes(12), ["engineering", "comms"], Array.Empty<ChannelAddress>(), "SLA breach: …");

        var card = CardTestData.Composer().Compose(CardKinds.Sla, SlaCardData.Build(Case, alert, "tokS"));

        var json = card.Card.ToJsonString(CardTestData.Pretty);
        Assert.Equal("SLA breached: case #1077, First response overdue by 12 min", card.FallbackText);
        Assert.Contains("\"value\": \"engineering, comms\"", json, StringComparison.Ordinal);
        Assert.Contains("\"value\": \"2026-11-22 14:00 UTC\"", json, StringComparison.Ordinal);
        Assert.Equal("tokS", (string?)card.Card["actions"]![0]!["data"]!["token"]);
        Assert.DoesNotContain("${", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WarningWithOutcome_HasNoActions()
    {
        var alert = new SlaAlert(SlaAlertKind.Warning, SlaClockKinds.Resolution, Due, Due.AddHours(-2), ["engineering"], Array.Empty<ChannelAddress>(), "SLA warning: …");

        var card = CardTestData.Composer().Compose(CardKinds.Sla, SlaCardData.Build(Case, alert, "tokS", "Escalated by @dana at 12:01"));

        Assert.Equal("SLA at risk: case #1077, Resolution due in 2 h", card.FallbackText);
        Assert.Empty(card.Card["actions"]!.AsArray());
        Assert.Contains("Escalated by @dana at 12:01", card.Card.ToJsonString(), StringComparison.Ordinal);
    }
}
