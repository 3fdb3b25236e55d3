using Switchboard.Core.Routing;
using Switchboard.Core.Triage;

namespace Switchboard.Core.Drafting;

/// <summary>What the draft step knows about a case.</summary>
/// <param name="Decision">The routing decision (intent, public mode, approval).</param>
/// <param name="Platform">The customer-facing platform: it sets the length limit.</param>
/// <param name="CustomerWasPublic">True when the customer wrote in public; false for a DM (then only a private draft is made).</param>
/// <param name="CustomerText">The customer's latest text (used to keep its personal data out of public drafts).</param>
/// <param name="CustomerPii">Triage's PII spans over <paramref name="CustomerText"/>.</param>
public sealed record DraftRequest(
    RoutingDecision Decision,
    string Platform,
    bool CustomerWasPublic,
    string CustomerText,
    IReadOnlyList<PiiSpan> CustomerPii)
{
    /// <summary>The customer's name for the private reply's <c>{name}</c> slot.</summary>
    public string? CustomerName { get; init; }

    /// <summary>Order or ticket reference for the private reply's <c>{ref}</c> slot.</summary>
    public string? Reference { get; init; }

    /// <summary>Campaign facts for <c>{campaign.key}</c> slots (offer, code, end date, landing page, …).</summary>
    public IReadOnlyDictionary<string, string> CampaignFacts { get; init; } = new Dictionary<string, string>();

    /// <summary>The platform of the DM when it differs (a public X post continued in a Telegram DM).</summary>
    public string? PrivatePlatform { get; init; }
}
