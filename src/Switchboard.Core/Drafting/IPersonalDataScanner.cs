using Switchboard.Core.Triage;

namespace Switchboard.Core.Drafting;

/// <summary>
/// Finds personal data in a text. The seam lets the triage area's detector replace the regex default; drafting
/// runs it over the customer's text and again over every final public draft.
/// </summary>
public interface IPersonalDataScanner
{
    /// <summary>Spans of personal data (UTF-16 offsets, end exclusive), in any order, possibly overlapping.</summary>
    IReadOnlyList<PiiSpan> Scan(string text);
}
