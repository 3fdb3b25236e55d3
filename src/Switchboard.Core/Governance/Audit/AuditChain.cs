using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Switchboard.Core.Governance.Audit;

/// <summary>
/// Builds and verifies the hash chain. The canonical form of an entry is the UTF-8 JSON array
/// <c>[seq, at, actor, action, caseId, before, after, ruleOrModel, prevHash]</c> with <c>at</c> as
/// <c>yyyy-MM-ddTHH:mm:ss.fffZ</c> and before/after as canonical JSON values (keys sorted, no whitespace).
/// </summary>
public static class AuditChain
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The next entry after <paramref name="previous"/> (null for the first entry of the log).</summary>
    public static AuditEntry Append(AuditEntry? previous, AuditEntryDraft draft, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var utc = at.ToUniversalTime();
        var stamp = new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        var entry = new AuditEntry(
            (previous?.Seq ?? 0) + 1,
            stamp,
            draft.Actor,
            draft.Action,
            draft.CaseId,
            draft.Before,
            draft.After,
            draft.RuleOrModel,
            previous?.Hash ?? GenesisHash,
            string.Empty);
        return entry with { Hash = ComputeHash(entry) };
    }

    /// <summary>SHA-256 (lower-case hex) of the entry's canonical form; <see cref="AuditEntry.Hash"/> itself is not part of it.</summary>
    public static string ComputeHash(AuditEntry entry) =>
        Convert.ToHexStringLower(SHA256.HashData(CanonicalBytes(entry)));

    public static byte[] CanonicalBytes(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(entry.Seq);
            writer.WriteStringValue(entry.At.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            writer.WriteStringValue(entry.Actor);
            writer.WriteStringValue(entry.Action);
            if (entry.CaseId is { } caseId)
            {
                writer.WriteNumberValue(caseId);
            }
            else
            {
                writer.WriteNullValue();
            }

            WriteJson(entry.Before, writer);
            WriteJson(entry.After, writer);
            writer.WriteStringValue(entry.RuleOrModel);
            writer.WriteStringValue(entry.PrevHash);
            writer.WriteEndArray();
        }

        return stream.ToArray();
    }

    /// <summary>
    /// Walks the entries in the order given and stops at the first break. Give <paramref name="anchor"/> to also
    /// catch entries deleted from the end.
    /// </summary>
    public static AuditVerification Verify(IEnumerable<AuditEntry> entries, AuditAnchor? anchor = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries as IReadOnlyList<AuditEntry> ?? entries.ToList();
        var previousHash = GenesisHash;
        var previousSeq = 0L;
        for (var i = 0; i < list.Count; i++)
        {
            var entry = list[i];
            var expected = previousSeq + 1;
            if (entry.Seq < expected)
            {
                return Bad(i, entry.Seq, AuditProblem.OutOfOrder, $"entry {entry.Seq} at position {i + 1} comes after entry {previousSeq}: entries were reordered or duplicated");
            }

            if (entry.Seq > expected)
            {
                var later = list.Skip(i + 1).Any(e => e.Seq == expected);
                return later
                    ? Bad(i, entry.Seq, AuditProblem.OutOfOrder, $"entry {entry.Seq} at position {i + 1} comes before entry {expected}: entries were reordered")
                    : Bad(i, expected, AuditProblem.Missing, expected == entry.Seq - 1
                        ? $"entry {expected} is missing (deleted)"
                        : $"entries {expected} to {entry.Seq - 1} are missing (deleted)");
            }

            if (!string.Equals(entry.PrevHash, previousHash, StringComparison.Ordinal))
            {
                return Bad(i, entry.Seq, AuditProblem.BrokenLink, i == 0
                    ? $"entry {entry.Seq} does not start the chain: entries before it were removed"
                    : $"entry {entry.Seq} does not link to entry {previousSeq}: entry {previousSeq} was changed or replaced");
            }

            string actual;
            try
            {
                actual = ComputeHash(entry);
            }
            catch (JsonException)
            {
                return Bad(i, entry.Seq, AuditProblem.Malformed, $"entry {entry.Seq} has before/after that is not JSON: it was edited");
            }

            if (!string.Equals(actual, entry.Hash, StringComparison.Ordinal))
            {
                return Bad(i, entry.Seq, AuditProblem.HashMismatch, $"entry {entry.Seq} was edited: its content does not match its hash");
            }

            previousHash = entry.Hash;
            previousSeq = entry.Seq;
        }

        if (anchor is not null)
        {
            if (previousSeq < anchor.Seq)
            {
                return Bad(list.Count, previousSeq + 1, AuditProblem.Truncated, $"the chain ends at entry {previousSeq} but the anchor is entry {anchor.Seq}: entries {previousSeq + 1} to {anchor.Seq} were deleted");
            }

            var anchored = list.First(e => e.Seq == anchor.Seq);
            if (!string.Equals(anchored.Hash, anchor.Hash, StringComparison.Ordinal))
            {
                return Bad(list.Count, anchor.Seq, AuditProblem.HashMismatch, $"entry {anchor.Seq} does not match the anchor: the chain was rewritten from there or earlier");
            }
        }

        return new AuditVerification(true, list.Count, null, null, null, $"ok: {list.Count} entries, head {previousSeq} {previousHash}", previousSeq, previousHash);

        AuditVerification Bad(int index, long seq, AuditProblem problem, string message) =>
            new(false, list.Count, seq, index, problem, message, previousSeq, previousHash);
    }

    private static void WriteJson(string? json, Utf8JsonWriter writer)
    {
        if (json is null)
        {
            writer.WriteNullValue();
            return;
        }

        using var document = JsonDocument.Parse(json);
        CanonicalJson.Write(document.RootElement, writer);
    }
}
