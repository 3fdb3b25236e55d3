using Switchboard.Core.Drafting;
using Switchboard.Core.Routing;
using Switchboard.Core.Triage;

namespace Switchboard.UnitTests.Drafting;

public sealed class ReplyDrafterTests
{
    private const string CustomerText =
        "@brand you charged me twice!! order #4521987, email dana.k@example.org, call +44 7700 900123, card 4111 1111 1111 1111";

    private static readonly string[] PersonalValues =
        ["4521987", "dana.k@example.org", "7700 900123", "4111 1111 1111 1111", "Dana Kowalski", "A-99812"];

    private readonly ReplyDrafter _drafter = DraftingTestConfig.Drafter();

    public static TheoryData<string> AnsweredIntents() => [.. Intents.All.Where(i => i != Intents.Noise)];

    [Theory]
    [MemberData(nameof(AnsweredIntents))]
    public void Compose_PublicDraftForEveryIntent_NeverContainsPersonalData(string intent)
    {
        var drafts = _drafter.Compose(Request(intent, CustomerText, platform: "x"));

        var text = Assert.IsType<ReplyDraft>(drafts.Public).Text;
        foreach (var value in PersonalValues)
        {
            Assert.DoesNotContain(value, text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Empty(new RegexPersonalDataScanner().Scan(text));
        Assert.True(text.Length <= 280, text);
    }

    [Theory]
    [InlineData("my email is dana.k@example.org", "dana.k@example.org")]
    [InlineData("ring me on 07700 900123 please", "07700 900123")]
    [InlineData("card 5500-0000-0000-0004 was charged", "5500-0000-0000-0004")]
    [InlineData("order number 88812345 never came", "88812345")]
    [InlineData("ticket #A12-77810 still open", "A12-77810")]
    public void Compose_PersonalDataInACampaignFact_IsRemovedFromThePublicDraft(string customerText, string value)
    {
        // A careless campaign fact echoes the customer's data: the guard must still keep it out of public text.
        var templates = WithPublicAct(Intents.PromoCampaign, "We checked {campaign.note} against the offer.");
        var drafter = DraftingTestConfig.Drafter(templates);
        var request = Request(Intents.PromoCampaign, customerText) with
        {
            CampaignFacts = new Dictionary<string, string> { ["note"] = value },
        };

        var drafts = drafter.Compose(request);

        Assert.DoesNotContain(value, drafts.Public!.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(PersonalDataGuard.Redaction, drafts.Public.Text, StringComparison.Ordinal);
        Assert.True(drafts.Public.Redactions > 0);
        Assert.True(drafts.NeedsHuman);
        Assert.Contains(drafts.Notes, n => n.StartsWith("public draft: removed", StringComparison.Ordinal));
    }

    [Fact]
    public void Compose_PublicBilling_LeavesABreadcrumbAndDraftsTheDm()
    {
        var drafts = _drafter.Compose(Request(Intents.Billing, CustomerText) with { CustomerName = "Dana", Reference = "A-99812" });

        Assert.Equal("Sorry about the trouble with this charge. Please don't post payment or account details here. We sent you a DM so we can sort it out with you today.", drafts.Public!.Text);
        Assert.True(drafts.Public.IsPublic);
        Assert.Equal("billing.public", drafts.Public.TemplateId);
        var dm = Assert.IsType<ReplyDraft>(drafts.Private);
        Assert.StartsWith("Hi Dana, thanks for flagging the charge. Could you confirm the order or invoice number (A-99812)", dm.Text, StringComparison.Ordinal);
        Assert.Contains("https://help.example.com/refunds", dm.Text, StringComparison.Ordinal);
        Assert.Equal("templates-2026.11-1", drafts.TemplateVersion);
        Assert.False(drafts.NeedsHuman);
    }

    [Fact]
    public void Compose_TemplateWithoutBreadcrumb_GetsOneWhenTheCaseMovesToDm()
    {
        var templates = WithPublicAnchor(Intents.Billing, "Thanks for your patience.");

        var drafts = DraftingTestConfig.Drafter(templates).Compose(Request(Intents.Billing, "charged twice"));

        Assert.EndsWith("Thanks for your patience. We sent you a DM so we can help.", drafts.Public!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_CustomerWroteInADm_OnlyAPrivateDraft()
    {
        var drafts = _drafter.Compose(Request(Intents.OrderStatus, "where is my parcel", isPublic: false) with { CustomerName = "Sam" });

        Assert.Null(drafts.Public);
        Assert.StartsWith("Hi Sam, thanks for your patience.", drafts.Private!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_OutageInPublic_OneStatusReplyWithTheStatusLink()
    {
        var drafts = _drafter.Compose(Request(Intents.Outage, "app is down"));

        Assert.Contains("https://status.example.com", drafts.Public!.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("DM", drafts.Public.Text, StringComparison.Ordinal);
        Assert.Null(drafts.Private);
    }

    [Fact]
    public void Compose_ReputationRisk_IsHeldForReview()
    {
        var drafts = _drafter.Compose(Request(Intents.ReputationRisk, "I'm telling the press"));

        Assert.True(drafts.Held);
        Assert.True(drafts.NeedsHuman);
        Assert.NotNull(drafts.Public);
    }

    [Fact]
    public void Compose_Noise_DraftsNothing()
    {
        var drafts = _drafter.Compose(Request(Intents.Noise, "lol"));

        Assert.Null(drafts.Public);
        Assert.Null(drafts.Private);
    }

    [Fact]
    public void Compose_MissingCampaignFactWithoutFallback_NeedsAHuman()
    {
        var templates = WithPublicAct(Intents.PromoCampaign, "The code {campaign.code} works until Sunday.");

        var drafts = DraftingTestConfig.Drafter(templates).Compose(Request(Intents.PromoCampaign, "code broken"));

        Assert.True(drafts.NeedsHuman);
        Assert.Contains("public draft: no value for {campaign.code}", drafts.Notes);
    }

    [Fact]
    public void Compose_CampaignFact_FillsTheSlot()
    {
        var templates = WithPublicAct(Intents.PromoCampaign, "The code {campaign.code} works until Sunday.");
        var request = Request(Intents.PromoCampaign, "code broken") with { CampaignFacts = new Dictionary<string, string> { ["code"] = "LAUNCH20" } };

        var drafts = DraftingTestConfig.Drafter(templates).Compose(request);

        Assert.Contains("The code LAUNCH20 works until Sunday.", drafts.Public!.Text, StringComparison.Ordinal);
        Assert.False(drafts.NeedsHuman);
    }

    [Theory]
    [InlineData("x", 280)]
    [InlineData("discord", 2000)]
    [InlineData("telegram", 4096)]
    [InlineData("slack", 3000)]
    public void Compose_LongAct_TrimmedAtSentencesKeepingTheBreadcrumb(string platform, int limit)
    {
        var longAct = string.Concat(Enumerable.Repeat("Here is one more careful sentence about the refund process. ", 200));
        var templates = WithPublicAct(Intents.Billing, longAct);

        var drafts = DraftingTestConfig.Drafter(templates).Compose(Request(Intents.Billing, "charged twice", platform: platform));

        var text = drafts.Public!.Text;
        Assert.True(text.Length <= limit, $"{text.Length} > {limit}");
        Assert.True(drafts.Public.Trimmed);
        Assert.EndsWith("We sent you a DM so we can sort it out with you today.", text, StringComparison.Ordinal);
        Assert.Contains("process. We sent", text, StringComparison.Ordinal);
        Assert.Equal(limit, drafts.Public.Limit);
    }

    [Fact]
    public void Compose_Teams_CountsUtf8Bytes()
    {
        var longAct = string.Concat(Enumerable.Repeat("Voilà, réponse détaillée — ça marche. ", 1500));
        var templates = WithPublicAct(Intents.Billing, longAct);

        var drafts = DraftingTestConfig.Drafter(templates).Compose(Request(Intents.Billing, "charged twice", platform: "teams"));

        Assert.True(System.Text.Encoding.UTF8.GetByteCount(drafts.Public!.Text) <= 28000);
        Assert.True(drafts.Public.Text.Length > 20000);
    }

    private static DraftRequest Request(string intent, string text, bool isPublic = true, string platform = "x")
    {
        var decision = DraftingTestConfig.Route(intent);
        return new DraftRequest(decision, platform, isPublic, text, []);
    }

    private static ReplyTemplateCatalog WithPublicAct(string intent, string act) =>
        Change(intent, t => t with { Act = act });

    private static ReplyTemplateCatalog WithPublicAnchor(string intent, string anchor) =>
        Change(intent, t => t with { Anchor = anchor });

    private static ReplyTemplateCatalog Change(string intent, Func<ReplyTemplate, ReplyTemplate> change)
    {
        var catalog = DraftingTestConfig.Templates;
        var intents = catalog.Intents.ToDictionary(i => i.Key, i => i.Value);
        intents[intent] = intents[intent] with { Public = change(intents[intent].Public!) };
        return catalog with { Intents = intents };
    }
}
