using System.Text.Json;
using Switchboard.Connectors.Playground;
using Switchboard.Core.Connectors;
using Switchboard.Core.Domain;
using Switchboard.Core.Pipeline;
using Switchboard.Core.Sending;
using Switchboard.Core.Storage;

namespace Switchboard.Replay;

/// <summary>
/// Feeds a JSONL file of timestamped messages through the whole pipeline against the playground
/// connector, faster than real time. Idempotent: messages are keyed by their line id, so a second run
/// against the same database stores nothing new and opens no case.
/// </summary>
internal sealed class ReplayRunner(
    IInboundSink sink,
    PipelineRunner pipeline,
    OutboxSender outbox,
    ICaseStore cases,
    ReplayClock clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ReplaySummary> RunAsync(TextReader input, TextWriter errors, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var before = (await cases.ListAsync(new CaseQuery(Limit: int.MaxValue), cancellationToken)).Select(c => c.Id).ToHashSet();
        int read = 0, failed = 0, stored = 0, duplicates = 0, replies = 0;
        string? line;
        var lineNumber = 0;
        while ((line = await input.ReadLineAsync(cancellationToken)) is not null)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            read++;
            var (message, error) = Parse(line);
            if (message is null)
            {
                failed++;
                await errors.WriteLineAsync($"line {lineNumber}: {error}");
                continue;
            }

            clock.AdvanceTo(message.SentAt);
            var result = await sink.IngestAsync(message, cancellationToken);
            if (result.Duplicate)
            {
                duplicates++;
                continue;
            }

            stored++;
            await pipeline.DrainAsync(cancellationToken);
            await outbox.SendDueAsync(cancellationToken);
            if (read % 50 == 0)
            {
                progress?.Report(read);
            }
        }

        // Let anything still waiting go out, then count what the run produced.
        await outbox.SendDueAsync(cancellationToken);
        var all = await cases.ListAsync(new CaseQuery(Limit: int.MaxValue), cancellationToken);
        var opened = all.Where(c => !before.Contains(c.Id)).ToList();
        replies = opened.Count(c => c.Status == CaseStatus.Replied);
        // Cards as the audit log tells them: one review.requested per card posted, and the reports folded into an
        // incident when it opened (their cards were closed in place).
        int cards = 0, folded = 0;
        foreach (var c in opened)
        {
            var events = await cases.GetEventsAsync(c.Id, cancellationToken);
            cards += events.Count(e => e.Kind == "review.requested");
            folded += events.Any(e => e.Kind == "cluster.joined" && e.Detail is { } d && d.Contains("\"folded\":true", StringComparison.Ordinal)) ? 1 : 0;
        }

        return new ReplaySummary(read, failed, stored, duplicates, opened.Count, opened, cards, folded, replies, clock.GetUtcNow());
    }

    internal static (InboundMessage? Message, string? Error) Parse(string line)
    {
        ReplayLine? r;
        try
        {
            r = JsonSerializer.Deserialize<ReplayLine>(line, Json);
        }
        catch (JsonException ex)
        {
            return (null, $"not valid JSON ({ex.Message})");
        }

        if (r is null)
        {
            return (null, "empty JSON value");
        }

        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(r.Id))
        {
            missing.Add("id");
        }

        if (r.Ts is null)
        {
            missing.Add("ts");
        }

        if (string.IsNullOrWhiteSpace(r.Author))
        {
            missing.Add("author");
        }

        if (r.Text is null)
        {
            missing.Add("text");
        }

        if (missing.Count > 0)
        {
            return (null, $"missing {string.Join(", ", missing)}");
        }

        var platform = string.IsNullOrWhiteSpace(r.Platform) ? "x" : r.Platform.Trim().ToLowerInvariant();
        var isPublic = r.Public ?? true;
        var channel = string.IsNullOrWhiteSpace(r.Channel) ? (isPublic ? $"{platform}-public" : $"{platform}-dm") : r.Channel;
        var author = r.Author!.Trim().TrimStart('@');
        var conversation = r.Conversation ?? (isPublic ? channel : $"{channel}:{author}");
        return (new InboundMessage(
            PlaygroundConnector.ConnectorName,
            platform,
            "replay:" + r.Id,
            channel,
            conversation,
            null,
            author.ToLowerInvariant(),
            "@" + author,
            r.Text!,
            isPublic,
            [],
            r.Ts!.Value,
            r.Ts!.Value,
            null,
            r.Followers), null);
    }
}
