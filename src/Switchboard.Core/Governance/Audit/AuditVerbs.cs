namespace Switchboard.Core.Governance.Audit;

/// <summary>
/// The logic behind <c>switchboard audit verify</c> and <c>switchboard audit export</c>; the CLI reads the entries
/// from storage (in seq order) and passes them here. Exit codes: 0 ok, 1 the chain is broken.
/// </summary>
public static class AuditVerbs
{
    public const int Ok = 0;
    public const int Tampered = 1;

    /// <summary>Prints one line: "ok: N entries, head S H" or "TAMPERED at entry S (problem): message".</summary>
    public static int Verify(IEnumerable<AuditEntry> entries, TextWriter output, AuditAnchor? anchor = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        var result = AuditChain.Verify(entries, anchor);
        output.WriteLine(result.Ok
            ? result.Message
            : $"TAMPERED at entry {result.FirstBadSeq} ({result.Problem}): {result.Message}");
        return result.Ok ? Ok : Tampered;
    }

    /// <summary>
    /// Writes the CSV to <paramref name="csv"/> and a summary to <paramref name="status"/>. The export is written even
    /// when the chain is broken (the evidence matters most then), but the exit code says so.
    /// </summary>
    public static int Export(IEnumerable<AuditEntry> entries, TextWriter csv, TextWriter status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var list = entries.ToList();
        var written = AuditCsvExporter.Write(list, csv);
        var verification = AuditChain.Verify(list);
        status.WriteLine(verification.Ok
            ? $"exported {written} entries; chain ok, head {verification.HeadSeq} {verification.HeadHash}"
            : $"exported {written} entries; chain TAMPERED at entry {verification.FirstBadSeq} ({verification.Problem}): {verification.Message}");
        return verification.Ok ? Ok : Tampered;
    }
}
