using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Switchboard.Core.Governance.Audit;

/// <summary>Writes audit entries as CSV (RFC 4180, header row, UTC times), escaping cells a spreadsheet would run as formulas.</summary>
public static class AuditCsvExporter
{
    public static readonly IReadOnlyList<string> Columns =
        ["seq", "at", "actor", "action", "case_id", "before", "after", "rule_or_model", "prev_hash", "hash"];

    /// <summary>Writes the header and every entry; returns how many entries were written.</summary>
    public static long Write(IEnumerable<AuditEntry> entries, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(writer);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            // Actor names and JSON come from people: "=HYPERLINK(…)" must stay text in a spreadsheet.
            InjectionOptions = InjectionOptions.Escape,
            NewLine = "\n",
        };
        using var csv = new CsvWriter(writer, configuration, leaveOpen: true);
        foreach (var column in Columns)
        {
            csv.WriteField(column);
        }

        csv.NextRecord();
        long count = 0;
        foreach (var entry in entries)
        {
            csv.WriteField(entry.Seq.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(entry.At.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            csv.WriteField(entry.Actor);
            csv.WriteField(entry.Action);
            csv.WriteField(entry.CaseId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
            csv.WriteField(entry.Before ?? string.Empty);
            csv.WriteField(entry.After ?? string.Empty);
            csv.WriteField(entry.RuleOrModel ?? string.Empty);
            csv.WriteField(entry.PrevHash);
            csv.WriteField(entry.Hash);
            csv.NextRecord();
            count++;
        }

        csv.Flush();
        return count;
    }
}
