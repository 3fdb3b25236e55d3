using Switchboard.Core.Domain;
using Switchboard.Core.Triage;

namespace Switchboard.Core.Drafting;

/// <summary>
/// Writes a reply draft in three parts: acknowledge, act, anchor. Drafts are built from fixed wording
/// only (never from the customer's text), so no personal data can reach a public reply.
/// </summary>
public sealed class DraftComposer
{
    public const string Version = "drafts-v1";

    private static readonly Dictionary<string, (string Acknowledge, string Act, string Anchor)> Parts = new()
    {
        [Intents.Billing] = ("Sorry about the trouble with your payment.", "Our billing team is checking the charge now.", "We'll update you within the hour."),
        [Intents.OrderStatus] = ("Thanks for checking in on your order.", "We're looking up the latest tracking status.", "You'll hear back from us within the hour."),
        [Intents.ProductIssue] = ("Sorry that isn't working as it should.", "We've passed the details to our product team to investigate.", "We'll follow up as soon as we know more."),
        [Intents.Outage] = ("Thanks for flagging this, and sorry for the disruption.", "Our engineers are aware and working on a fix.", "Follow our status page for live updates."),
        [Intents.TrustSafety] = ("Thank you for reporting this, and please don't share personal or payment details with anyone.", "Our trust & safety team is reviewing it now.", "We'll only ever contact you from our verified accounts."),
        [Intents.Account] = ("Sorry you're having trouble with your account.", "We'll help you get back in safely.", "Please never share your password with anyone, including us."),
        [Intents.PreSales] = ("Thanks for your interest!", "Here are the details you asked about.", "Let us know if anything else would help you decide."),
        [Intents.PromoCampaign] = ("Thanks for letting us know about the offer.", "We're checking the promo details for you.", "We'll make sure you get what the campaign promised."),
        [Intents.ReputationRisk] = ("We hear you, and we're sorry about your experience.", "A senior member of our team is looking into it personally.", "We'll be in touch shortly."),
        [Intents.Feedback] = ("Thank you so much for the kind words!", "We've shared this with the team.", "We're glad to have you with us."),
        [Intents.Noise] = ("Thanks for reaching out.", "We're here if you need anything.", "Have a great day."),
    };

    public string Compose(CaseRecord @case, string intent, bool isPublic)
    {
        var (acknowledge, act, anchor) = Parts.TryGetValue(intent, out var parts) ? parts : Parts[Intents.ProductIssue];
        var greeting = @case.CustomerHandle is { Length: > 0 } handle ? $"Hi {handle}, " : "Hi, ";
        var text = $"{greeting}{Lower(acknowledge)} {act} {anchor}";
        if (isPublic && intent is not (Intents.Feedback or Intents.Noise or Intents.Outage or Intents.PreSales))
        {
            // Public replies never carry account details: they leave a breadcrumb to the private channel.
            text += " We've sent you a DM so we can sort this out privately.";
        }

        return text;
    }

    private static string Lower(string sentence) =>
        sentence.Length > 1 && char.IsUpper(sentence[0]) && !char.IsUpper(sentence[1]) ? char.ToLowerInvariant(sentence[0]) + sentence[1..] : sentence;
}
