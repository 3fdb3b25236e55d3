namespace Switchboard.Core.Campaigns;

/// <summary>A validated campaign: its factsheet and launch checklist.</summary>
public sealed record Campaign(
    string Name,
    string Folder,
    string Title,
    DateTimeOffset GoLive,
    string OfferSummary,
    IReadOnlyList<string> OfferTerms,
    IReadOnlyList<PromoCode> PromoCodes,
    string LandingPage,
    string? InventoryNotes,
    IReadOnlyList<CampaignCreator> Creators,
    IReadOnlyList<ScheduledPost> Schedule,
    string UsageRights,
    string Whitelisting,
    string Exclusivity,
    IReadOnlyList<string> DisclosureWording,
    string EscalationContact,
    IReadOnlyList<ApprovedAnswer> TopQuestions,
    RoiInputs? Roi,
    IReadOnlyList<ChecklistItem> Checklist)
{
    public PromoCode? FindCode(string code) =>
        PromoCodes.FirstOrDefault(p => string.Equals(p.Code, code, StringComparison.OrdinalIgnoreCase));
}
