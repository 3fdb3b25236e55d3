namespace Switchboard.Core.Drafting;

/// <summary>The drafts for a case: a public reply (with its breadcrumb when the work moves to a DM) and a private one.</summary>
/// <param name="Held">True when the matrix holds the public answer for review (nothing may go out without approval).</param>
/// <param name="NeedsHuman">True when drafting itself asks for a person (redactions, missing slots, an LLM rewrite that needs approval).</param>
/// <param name="Notes">Why, in words, for the review card and the audit log.</param>
public sealed record DraftSet(
    ReplyDraft? Public,
    ReplyDraft? Private,
    bool Held,
    bool NeedsHuman,
    IReadOnlyList<string> Notes,
    string TemplateVersion)
{
    public static DraftSet Empty(string version, string note) => new(null, null, false, false, [note], version);
}
