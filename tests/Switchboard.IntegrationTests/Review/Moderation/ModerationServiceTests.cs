using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Switchboard.Core.Domain;
using Switchboard.Core.Governance.Audit;
using Switchboard.Core.Storage;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Review.Moderation;

/// <summary>
/// The moderation rules through the real host and the playground (its moderator simulates the platform): only trust
/// &amp; safety cases, only roles with the moderate permission, every outcome and refusal audited in the chain.
/// </summary>
public sealed class ModerationServiceTests : PlaygroundHostTests
{
    // What the scammer posts (not a member warning about one, which would read as a report: see MemberReportModerationTests).
    private const string Scam = "URGENT: your account was hacked. Verify your login code at bit.ly/verify-now within 12hrs or it will be closed";

    [Fact]
    public async Task DeleteOnCard_TrustSafetyCaseAndModerator_NoticePostedAndAudited()
    {
        await Playground.PostAsync("tg-community", "crypto_support_desk", Scam);
        var card = await Playground.CardInAsync("review-trust-safety");

        var result = await Playground.ActAsync(PlaygroundClient.TokenOf(card, "delete_message"), "tess");

        Assert.True((bool)result["accepted"]!, result.ToJsonString());
        Assert.StartsWith("Message removed (simulated) by @tess at ", (string?)result["message"], StringComparison.Ordinal);
        Assert.Contains(await Playground.PostsInAsync("tg-community", "reply"), p => ((string?)p["text"])?.Contains("removed by a moderator", StringComparison.Ordinal) == true);
        var caseId = (long)result["caseId"]!;
        var done = Assert.Single(await EventsAsync(caseId), e => e.Kind == "moderation.delete_message");
        Assert.Equal("user:@tess", done.Actor);
        Assert.Contains("\"platformMessageId\":\"pg-", done.Detail, StringComparison.Ordinal);
        var audit = await AuditAsync();
        Assert.Contains(audit, e => e.Action == "moderation.delete_message" && e.CaseId == caseId);
        Assert.True(AuditChain.Verify(audit).Ok);

        // Every copy of the card says what was done, with fresh buttons for the next step.
        var updated = await Playground.CardInAsync("review-trust-safety", c => c["card"]!.ToJsonString().Contains("removed (simulated) by @tess", StringComparison.Ordinal));
        var stale = await Playground.ActAsync(PlaygroundClient.TokenOf(card, "pin_warning"), "tess");
        var again = await Playground.ActAsync(PlaygroundClient.TokenOf(updated, "pin_warning"), "tess");
        Assert.False((bool)stale["accepted"]!);
        Assert.True((bool)again["accepted"]!, again.ToJsonString());
        await Playground.CardInAsync("review-trust-safety", c => c["card"]!.ToJsonString().Contains("pinned (simulated) by @tess", StringComparison.Ordinal)
            && c["card"]!.ToJsonString().Contains("removed (simulated) by @tess", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CaseAction_ModeratorVerbByAnAgent_RefusedNamingTheRolesAndAudited()
    {
        await Playground.PostAsync("tg-community", "crypto_support_desk", Scam);
        var card = await Playground.CardInAsync("review-trust-safety");
        var caseId = (long)(await Playground.ActAsync(PlaygroundClient.TokenOf(card, "pin_warning"), "sam"))["caseId"]!;

        var result = await ActAsync(caseId, "ban_author", "sam");

        Assert.False((bool)result["accepted"]!);
        Assert.Equal("You need the lead, moderator or trust & safety role to moderate comments.", (string?)result["message"]);
        var refusals = (await EventsAsync(caseId)).Where(e => e.Kind == "moderation.refused").ToList();
        Assert.Equal(2, refusals.Count);
        Assert.All(refusals, e => Assert.Equal("user:@sam", e.Actor));
        Assert.Contains(await AuditAsync(), e => e.Action == "moderation.refused" && e.Actor == "user:@sam");
        Assert.DoesNotContain(await Playground.PostsInAsync("tg-community", "reply"), p => ((string?)p["text"])?.Contains("banned", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task CaseAction_CaseIsNotTrustSafety_RefusedAndAudited()
    {
        await Playground.PostAsync("tg-community", "mia", "You charged my card twice, refund please");
        var card = await Playground.CardInAsync("review-finance");
        Assert.DoesNotContain(PlaygroundClient.FindActions(card["card"]), a => (string?)a["verb"] == "delete_message");
        var caseId = Assert.Single(await Host.Get<ICaseStore>().ListAsync(new CaseQuery(), TestContext.Current.CancellationToken)).Id;

        var result = await ActAsync(caseId, "delete_message", "tess");

        Assert.False((bool)result["accepted"]!);
        Assert.StartsWith("Moderation is for trust & safety cases", (string?)result["message"], StringComparison.Ordinal);
        Assert.Contains(await EventsAsync(caseId), e => e.Kind == "moderation.refused" && e.Actor == "user:@tess");
    }

    private async Task<JsonObject> ActAsync(long caseId, string action, string reviewer)
    {
        var response = await Host.Http.PostAsJsonAsync($"/playground/api/cases/{caseId}/actions", new { action, reviewer }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
    }

    private Task<IReadOnlyList<CaseEvent>> EventsAsync(long caseId) => Host.Get<ICaseStore>().GetEventsAsync(caseId, TestContext.Current.CancellationToken);

    private Task<List<AuditEntry>> AuditAsync() => AuditTrail.ReadAsync(Host);
}
