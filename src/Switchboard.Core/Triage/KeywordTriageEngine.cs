namespace Switchboard.Core.Triage;

/// <summary>
/// The old playbook's keyword rules ("refund", "charge", "cancel" → billing …) as a triage engine.
/// It is the baseline the trained model is measured against, and the engine used when no model is loaded.
/// </summary>
public sealed class KeywordTriageEngine : ITriageEngine
{
    public const string Version = "keywords-v1";

    private static readonly (string Intent, string[] Words)[] Rules =
    [
        (Intents.TrustSafety, ["scam", "hacked", "phishing", "impersonat", "fake account", "fraud", "stolen", "harass", "threat", "dox"]),
        (Intents.ReputationRisk, ["lawyer", "sue ", "lawsuit", "boycott", "journalist", "the press", "bbb", "ftc", "going public", "class action"]),
        (Intents.Outage, ["down", "outage", "not loading", "can't connect", "cannot connect", "offline", "502", "503"]),
        (Intents.Billing, ["refund", "charge", "charged", "billing", "invoice", "payment", "cancel", "overcharged", "money back"]),
        (Intents.OrderStatus, ["order", "delivery", "tracking", "package", "parcel", "shipped", "arrive"]),
        (Intents.PromoCampaign, ["promo", "coupon", "discount", "voucher", "giveaway winner", "code doesn't", "code does not", "offer"]),
        (Intents.Account, ["password", "log in", "login", "locked", "account", "verify", "verification", "2fa", "otp"]),
        (Intents.ProductIssue, ["crash", "bug", "broken", "error", "doesn't work", "does not work", "not working", "freez", "glitch"]),
        (Intents.PreSales, ["do you ship", "in stock", "available in", "does it come", "compatible", "how much is", "price of", "will it fit"]),
        (Intents.Feedback, ["thank", "love", "great", "awesome", "amazing", "please add", "suggest", "feature request"]),
    ];

    public TriageResult Triage(TriageRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = request.Text ?? string.Empty;
        var lower = text.ToLowerInvariant();
        foreach (var (intent, words) in Rules)
        {
            foreach (var word in words)
            {
                if (lower.Contains(word, StringComparison.Ordinal))
                {
                    return Decide(intent, 0.6, [$"keyword '{word.Trim()}' → {intent}"]);
                }
            }
        }

        return Decide(Intents.Noise, 0.3, ["no keyword matched"]);
    }

    private static TriageResult Decide(string intent, double confidence, IReadOnlyList<string> reasons)
    {
        var severity = intent switch
        {
            Intents.TrustSafety or Intents.ReputationRisk or Intents.Outage => Severities.High,
            Intents.Noise or Intents.Feedback or Intents.PreSales => Severities.Low,
            _ => Severities.Normal,
        };
        var needsHuman = intent is Intents.TrustSafety or Intents.ReputationRisk or Intents.Billing or Intents.Outage;
        return new TriageResult(intent, severity, confidence, "und", [], null, 0, needsHuman, reasons, Version);
    }
}
