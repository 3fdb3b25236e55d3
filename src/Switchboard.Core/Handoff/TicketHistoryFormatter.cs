using System.Globalization;
using System.Text;

namespace Switchboard.Core.Handoff;

/// <summary>Renders a case's cross-channel history as a plain-text ticket comment, oldest first.</summary>
public static class TicketHistoryFormatter
{
    public static string Format(long caseId, IEnumerable<CaseHistoryEntry> history, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"Switchboard case #{caseId}: cross-channel history").Append('\n');
        if (!string.IsNullOrWhiteSpace(note))
        {
            builder.Append(note.Trim()).Append('\n');
        }

        builder.Append('\n');
        foreach (var entry in history.OrderBy(e => e.At))
        {
            var where = entry.IsPublic ? "public" : entry.Direction == "note" ? "internal note" : "DM";
            var who = entry.Direction switch
            {
                "in" => entry.Author,
                "out" => $"{entry.Author} (us)",
                _ => entry.Author,
            };
            builder.Append(CultureInfo.InvariantCulture, $"[{entry.At.ToUniversalTime():yyyy-MM-dd HH:mm} UTC] {entry.Platform} {where} · {who}:").Append('\n');
            builder.Append(entry.Text.Trim()).Append("\n\n");
        }

        return builder.ToString().TrimEnd() + "\n";
    }
}
