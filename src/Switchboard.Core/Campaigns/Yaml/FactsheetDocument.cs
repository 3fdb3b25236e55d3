namespace Switchboard.Core.Campaigns.Yaml;

/// <summary>factsheet.yaml as written; checked by CampaignValidator before anything uses it.</summary>
internal sealed class FactsheetDocument
{
    public string? Name { get; set; }

    public string? Title { get; set; }

    public string? GoLive { get; set; }

    public OfferDocument? Offer { get; set; }

    public List<PromoCodeDocument>? PromoCodes { get; set; }

    public string? LandingPage { get; set; }

    public string? InventoryNotes { get; set; }

    public List<CreatorDocument>? Creators { get; set; }

    public List<ScheduledPostDocument>? Schedule { get; set; }

    public string? UsageRights { get; set; }

    public WhitelistingDocument? Whitelisting { get; set; }

    public ExclusivityDocument? Exclusivity { get; set; }

    public DisclosureDocument? Disclosure { get; set; }

    public ContactDocument? CreatorEscalationContact { get; set; }

    public List<QuestionDocument>? TopQuestions { get; set; }

    public RoiDocument? Roi { get; set; }
}
