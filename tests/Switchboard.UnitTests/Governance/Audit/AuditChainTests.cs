using Switchboard.Core.Governance.Audit;

namespace Switchboard.UnitTests.Governance.Audit;

public sealed class AuditChainTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 18, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Verify_IntactChain_IsOk()
    {
        var chain = Chain(5);

        var result = AuditChain.Verify(chain);

        Assert.True(result.Ok);
        Assert.Equal(5, result.HeadSeq);
        Assert.Equal(chain[^1].Hash, result.HeadHash);
        Assert.Equal(AuditChain.GenesisHash, chain[0].PrevHash);
    }

    [Fact]
    public void Verify_EditedField_PinpointsTheEntry()
    {
        var chain = Chain(5);
        chain[2] = chain[2] with { Actor = "user:@mallory" };

        var result = AuditChain.Verify(chain);

        Assert.False(result.Ok);
        Assert.Equal(3, result.FirstBadSeq);
        Assert.Equal(AuditProblem.HashMismatch, result.Problem);
    }

    [Fact]
    public void Verify_EditedAndRehashed_BreaksTheNextLink()
    {
        var chain = Chain(5);
        var forged = chain[2] with { After = """{"status":"approved"}""" };
        chain[2] = forged with { Hash = AuditChain.ComputeHash(forged) };

        var result = AuditChain.Verify(chain);

        Assert.Equal(4, result.FirstBadSeq);
        Assert.Equal(AuditProblem.BrokenLink, result.Problem);
        Assert.Equal("entry 4 does not link to entry 3: entry 3 was changed or replaced", result.Message);
    }

    [Fact]
    public void Verify_DeletedEntry_IsMissing()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);

        var result = AuditChain.Verify(chain);

        Assert.Equal(2, result.FirstBadSeq);
        Assert.Equal(AuditProblem.Missing, result.Problem);
        Assert.Equal("entry 2 is missing (deleted)", result.Message);
    }

    [Fact]
    public void Verify_DeletedAndRenumbered_BreaksTheLink()
    {
        var chain = Chain(4);
        chain.RemoveAt(1);
        chain[1] = chain[1] with { Seq = 2 };
        chain[2] = chain[2] with { Seq = 3 };

        var result = AuditChain.Verify(chain);

        Assert.Equal(2, result.FirstBadSeq);
        Assert.Equal(AuditProblem.BrokenLink, result.Problem);
    }

    [Fact]
    public void Verify_SwappedEntries_IsOutOfOrder()
    {
        var chain = Chain(5);
        (chain[1], chain[2]) = (chain[2], chain[1]);

        var result = AuditChain.Verify(chain);

        Assert.Equal(3, result.FirstBadSeq);
        Assert.Equal(1, result.FirstBadIndex);
        Assert.Equal(AuditProblem.OutOfOrder, result.Problem);
    }

    [Fact]
    public void Verify_DuplicatedEntry_IsOutOfOrder()
    {
        var chain = Chain(3);
        chain.Insert(2, chain[1]);

        var result = AuditChain.Verify(chain);

        Assert.Equal(AuditProblem.OutOfOrder, result.Problem);
        Assert.Equal(2, result.FirstBadIndex);
    }

    [Fact]
    public void Verify_DeletedHead_WithAnchor_IsTruncated()
    {
        var chain = Chain(5);
        var anchor = new AuditAnchor(5, chain[4].Hash);
        chain.RemoveAt(4);

        Assert.True(AuditChain.Verify(chain).Ok);
        var result = AuditChain.Verify(chain, anchor);

        Assert.Equal(AuditProblem.Truncated, result.Problem);
        Assert.Equal(5, result.FirstBadSeq);
    }

    [Fact]
    public void Verify_FirstEntryRemoved_DoesNotStartTheChain()
    {
        var chain = Chain(3);
        chain.RemoveAt(0);

        var result = AuditChain.Verify(chain);

        Assert.Equal(AuditProblem.Missing, result.Problem);
        Assert.Equal(1, result.FirstBadSeq);
    }

    [Fact]
    public void Verify_JsonReformattedByTheStore_StillOk()
    {
        var chain = Chain(2);
        // PostgreSQL jsonb reorders keys and drops whitespace.
        chain[1] = chain[1] with { After = """{ "owner" : "finance",  "intent":"billing" }""" };

        Assert.True(AuditChain.Verify(chain).Ok);
    }

    [Fact]
    public void Verify_BeforeIsNotJson_IsMalformed()
    {
        var chain = Chain(2);
        chain[1] = chain[1] with { Before = "{not json" };

        Assert.Equal(AuditProblem.Malformed, AuditChain.Verify(chain).Problem);
    }

    [Fact]
    public void Append_SubMillisecondTime_IsTruncatedSoStorageRoundTrips()
    {
        var entry = AuditChain.Append(null, new AuditEntryDraft("user:@dana", "review.approved"), Start.AddTicks(12_345));

        Assert.Equal(Start.AddMilliseconds(1), entry.At);
        Assert.Equal(AuditChain.ComputeHash(entry with { At = entry.At.ToOffset(TimeSpan.FromHours(2)) }), entry.Hash);
    }

    private static List<AuditEntry> Chain(int count)
    {
        var entries = new List<AuditEntry>();
        AuditEntry? previous = null;
        for (var i = 0; i < count; i++)
        {
            var draft = new AuditEntryDraft(
                i % 2 == 0 ? "system:router" : "user:@dana",
                i % 2 == 0 ? "routing.decided" : "review.approved",
                CaseId: 42,
                Before: i == 0 ? null : """{"intent":"billing","owner":"support"}""",
                After: """{"intent":"billing","owner":"finance"}""",
                RuleOrModel: "matrix-2026.11-1:billing");
            previous = AuditChain.Append(previous, draft, Start.AddMinutes(i));
            entries.Add(previous);
        }

        return entries;
    }
}
