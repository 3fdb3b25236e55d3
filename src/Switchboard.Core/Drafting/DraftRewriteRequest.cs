namespace Switchboard.Core.Drafting;

/// <summary>What an LLM rewriter sees: the template draft and the customer's text with personal data already removed.</summary>
public sealed record DraftRewriteRequest(string Intent, bool IsPublic, string Draft, string RedactedCustomerText, int MaxLength, string? Breadcrumb);
