using Switchboard.Core.Drafting;
using Switchboard.Core.Triage;

namespace Switchboard.UnitTests.Drafting;

public sealed class DraftingConfigLoaderTests
{
    [Fact]
    public void Load_ShippedFiles_CoverEveryAnsweredIntent()
    {
        var templates = DraftingTestConfig.Templates;

        foreach (var intent in Intents.All.Where(i => i != Intents.Noise))
        {
            Assert.NotNull(templates.Intents[intent].Public);
            Assert.NotNull(templates.Intents[intent].Private);
        }

        Assert.Equal("Live service status and incident updates, refreshed every few minutes.", DraftingTestConfig.Links.Links["status_page"].Summary);
    }

    [Fact]
    public void TryLoad_PersonalSlotInPublicTemplate_IsRefused()
    {
        var yaml = DraftingTestConfig.TemplatesYaml.Replace("      acknowledge: Sorry about the trouble with this charge.", "      acknowledge: Sorry {name}, about the trouble.", StringComparison.Ordinal);

        DraftingConfigLoader.TryLoad(yaml, DraftingTestConfig.LinksYaml, out var errors);

        Assert.Equal(["templates.templates.billing.public.acknowledge: slot {name} carries personal data and is not allowed in a public template"], errors);
    }

    [Fact]
    public void TryLoad_UnknownLinkAndSlotAndMissingIntent_AreAllReported()
    {
        var yaml = DraftingTestConfig.TemplatesYaml
            .Replace("{link.refund_policy}", "{link.refunds_page}", StringComparison.Ordinal)
            .Replace("Got it, {name|thanks for reaching out}.", "Got it, {customer}.", StringComparison.Ordinal)
            .Replace("  feedback:\n", "  feedbacks:\n", StringComparison.Ordinal);
        var links = DraftingTestConfig.LinksYaml.Replace("url: https://status.example.com", "url: http://status.example.com", StringComparison.Ordinal);

        DraftingConfigLoader.TryLoad(yaml, links, out var errors);

        Assert.Contains("links.status_page.url: 'http://status.example.com' is not an absolute https URL", errors);
        Assert.Contains("templates.templates: intent 'feedback' has no templates", errors);
        Assert.Contains("templates.templates.feedbacks: unknown intent", errors);
        Assert.Contains("templates.templates.product_issue.private.acknowledge: unknown slot {customer} (name, ref, campaign.*, link.*)", errors);
    }
}
