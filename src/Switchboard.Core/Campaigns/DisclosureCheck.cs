namespace Switchboard.Core.Campaigns;

/// <summary>
/// Flags creator posts or creator replies that lack the factsheet's disclosure wording (any one of the listed
/// phrases, case-insensitive). Only text authored by one of the campaign's creators is checked.
/// </summary>
public static class DisclosureCheck
{
    public static bool IsCreator(Campaign campaign, string? authorHandle) =>
        authorHandle is not null && campaign.Creators.Any(c =>
            string.Equals(c.Handle.TrimStart('@'), authorHandle.TrimStart('@'), StringComparison.OrdinalIgnoreCase));

    /// <summary>Null when the author is not a creator or the text discloses; otherwise the reason to flag it.</summary>
    public static string? Check(Campaign campaign, string? authorHandle, string text)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if (!IsCreator(campaign, authorHandle))
        {
            return null;
        }

        return campaign.DisclosureWording.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase))
            ? null
            : $"Creator post by {authorHandle} lacks the required disclosure ({string.Join(" / ", campaign.DisclosureWording)})";
    }
}
