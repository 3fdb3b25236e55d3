using Switchboard.Core.Routing;
using Switchboard.Core.Triage;

namespace Switchboard.Core.Governance;

/// <summary>
/// What always needs a person, whatever the matrix says: refunds (billing), legal triggers, safety
/// (trust &amp; safety and safety triggers), outage wording and reputation-risk replies. The matrix can make
/// approval stricter, never looser than this.
/// </summary>
public static class MandatoryHumanReview
{
    /// <summary>Why a person must approve, or null when the matrix's policy decides.</summary>
    public static string? Reason(string intent, IReadOnlyCollection<string> flags, string publicMode)
    {
        ArgumentNullException.ThrowIfNull(flags);
        if (flags.Contains(RiskFlags.Legal))
        {
            return "legal triggers always need a human";
        }

        if (flags.Contains(RiskFlags.Safety))
        {
            return "safety triggers always need a human";
        }

        var byIntent = intent switch
        {
            Intents.Billing => "refunds and billing replies always need a human",
            Intents.TrustSafety => "safety replies always need a human",
            Intents.Outage => "outage wording always needs a human",
            Intents.ReputationRisk => "reputation-risk replies always need a human",
            _ => null,
        };
        if (byIntent is not null)
        {
            return byIntent;
        }

        return publicMode == PublicResponseModes.HoldForReview ? "the matrix holds this for review" : null;
    }
}
