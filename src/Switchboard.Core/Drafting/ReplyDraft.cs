namespace Switchboard.Core.Drafting;

/// <summary>One reply ready for review.</summary>
/// <param name="TemplateId">The template it came from (<c>billing.public</c>), with the catalog version in <see cref="DraftSet.TemplateVersion"/>.</param>
/// <param name="Limit">The length limit it was held to.</param>
/// <param name="Trimmed">True when it was shortened to fit.</param>
/// <param name="Redactions">Personal-data spans removed (public drafts); above 0 a person must look.</param>
/// <param name="RewrittenBy">The LLM model that rewrote it, or null for the template text.</param>
public sealed record ReplyDraft(
    string Text,
    bool IsPublic,
    string TemplateId,
    string Platform,
    int Limit,
    bool Trimmed,
    int Redactions,
    string? RewrittenBy);
