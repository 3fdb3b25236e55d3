using Switchboard.Core.Governance.Audit;

namespace Switchboard.UnitTests.Governance.Audit;

public sealed class AuditVerbsTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 18, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Verify_IntactChain_ExitsZero()
    {
        var output = new StringWriter();

        var code = AuditVerbs.Verify(Chain(), output);

        Assert.Equal(0, code);
        Assert.StartsWith("ok: 2 entries, head 2 ", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_Tampered_ExitsOneAndNamesTheEntry()
    {
        var chain = Chain();
        chain[0] = chain[0] with { Action = "review.refused" };
        var output = new StringWriter();

        var code = AuditVerbs.Verify(chain, output);

        Assert.Equal(1, code);
        Assert.Equal("TAMPERED at entry 1 (HashMismatch): entry 1 was edited: its content does not match its hash\n", output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Export_WritesHeaderAndQuotedJsonAndEscapesFormulas()
    {
        var chain = Chain();
        var csv = new StringWriter();
        var status = new StringWriter();

        var code = AuditVerbs.Export(chain, csv, status);

        var lines = csv.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, code);
        Assert.Equal("seq,at,actor,action,case_id,before,after,rule_or_model,prev_hash,hash", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("1,2026-11-18T12:00:00.000Z,system:router,routing.decided,7,,\"{\"\"owner\"\":\"\"finance\"\"}\",matrix-v1:billing,0000", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(1)\"", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("exported 2 entries; chain ok", status.ToString(), StringComparison.Ordinal);
    }

    private static List<AuditEntry> Chain()
    {
        var first = AuditChain.Append(null, new AuditEntryDraft("system:router", "routing.decided", 7, null, """{"owner":"finance"}""", "matrix-v1:billing"), Start);
        var second = AuditChain.Append(first, new AuditEntryDraft("=HYPERLINK(1)", "review.refused", 7, null, null, null), Start.AddSeconds(1));
        return [first, second];
    }
}
