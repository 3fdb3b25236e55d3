using System.Text.RegularExpressions;

namespace Switchboard.Core.Drafting;

/// <summary>The slot syntax: <c>{name}</c>, <c>{name|fallback}</c>, <c>{ref}</c>, <c>{campaign.key}</c>, <c>{link.key}</c>.</summary>
public static partial class TemplateSlots
{
    public const string Name = "name";
    public const string Reference = "ref";
    public const string CampaignPrefix = "campaign.";
    public const string LinkPrefix = "link.";

    /// <summary>Slots that carry personal data: never allowed in a public template.</summary>
    public static readonly IReadOnlyList<string> Personal = [Name, Reference];

    public static IEnumerable<(string Slot, string? Fallback)> Find(string text) =>
        SlotPattern().Matches(text).Select(m => (m.Groups["slot"].Value, m.Groups["fallback"].Success ? m.Groups["fallback"].Value : null));

    /// <summary>Fills every slot; <paramref name="missing"/> collects slots with no value and no fallback (they are removed).</summary>
    public static string Fill(string text, Func<string, string?> value, List<string> missing) =>
        SlotPattern().Replace(text, match =>
        {
            var slot = match.Groups["slot"].Value;
            var filled = value(slot);
            if (!string.IsNullOrWhiteSpace(filled))
            {
                return filled;
            }

            if (match.Groups["fallback"].Success)
            {
                return match.Groups["fallback"].Value;
            }

            missing.Add(slot);
            return string.Empty;
        });

    internal static bool IsKnown(string slot) =>
        slot is Name or Reference
        || (slot.StartsWith(CampaignPrefix, StringComparison.Ordinal) && slot.Length > CampaignPrefix.Length)
        || (slot.StartsWith(LinkPrefix, StringComparison.Ordinal) && slot.Length > LinkPrefix.Length);

    [GeneratedRegex(@"\{(?<slot>[a-z_]+(?:\.[a-z0-9_]+)?)(?:\|(?<fallback>[^{}]*))?\}", RegexOptions.CultureInvariant)]
    private static partial Regex SlotPattern();
}
