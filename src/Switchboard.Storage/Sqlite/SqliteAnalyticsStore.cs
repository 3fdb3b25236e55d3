using Microsoft.Data.Sqlite;
using Switchboard.Core.Analytics;
using Switchboard.Core.Domain;
using Switchboard.Core.Storage;

namespace Switchboard.Storage.Sqlite;

/// <summary>The analytics read side over the case tables, and the weekly-post and retro rows (migration 12).</summary>
internal sealed class SqliteAnalyticsStore(SqliteDatabase database) : IAnalyticsStore
{
    // Cases a report on [$from, $to) can need: opened before the end, and not resolved before the start
    // unless something happened to them inside the range (a reopen, a late CSAT rating).
    private const string RelevantCases = """
        opened_at < $to
          AND (status <> 'resolved' OR resolved_at IS NULL OR resolved_at >= $from
               OR id IN (SELECT case_id FROM case_events WHERE at >= $from AND at < $to))
        """;

    public async Task<IReadOnlyList<AnalyticsCase>> LoadCasesAsync(DateTimeOffset from, DateTimeOffset to, bool withMessageTexts, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // One read transaction, so cases and events are one consistent snapshot under concurrent commits.
        await using var transaction = connection.BeginTransaction(deferred: true);
        var cases = new Dictionary<long, CaseRecord>();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = $"SELECT {SqliteCaseStore.CaseColumns} FROM cases WHERE {RelevantCases} ORDER BY id;";
            command.Parameters.AddWithValue("$from", SqliteValues.Time(from));
            command.Parameters.AddWithValue("$to", SqliteValues.Time(to));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var c = SqliteCaseStore.ReadCase(reader);
                cases[c.Id] = c;
            }
        }

        var events = cases.Keys.ToDictionary(id => id, _ => new List<CaseEvent>());
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = $"""
                SELECT e.id, e.case_id, e.at, e.kind, e.actor, e.detail, e.rule_or_model FROM case_events e
                WHERE e.case_id IN (SELECT id FROM cases WHERE {RelevantCases})
                ORDER BY e.case_id, e.id;
                """;
            command.Parameters.AddWithValue("$from", SqliteValues.Time(from));
            command.Parameters.AddWithValue("$to", SqliteValues.Time(to));
            await using var r = await command.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken))
            {
                if (events.TryGetValue(r.GetInt64(1), out var list))
                {
                    list.Add(new CaseEvent(r.GetInt64(0), r.GetInt64(1), SqliteValues.ReadTime(r, 2), r.GetString(3), r.GetString(4), SqliteValues.ReadStringOrNull(r, 5), SqliteValues.ReadStringOrNull(r, 6)));
                }
            }
        }

        var texts = cases.Keys.ToDictionary(id => id, _ => new List<string>());
        if (withMessageTexts)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT case_id, COALESCE(transcript, text) FROM messages WHERE case_id IS NOT NULL ORDER BY id;";
            await using var r = await command.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken))
            {
                if (texts.TryGetValue(r.GetInt64(0), out var list))
                {
                    list.Add(r.GetString(1));
                }
            }
        }

        return cases.Values.Select(c => new AnalyticsCase(c, events[c.Id], texts[c.Id])).ToList();
    }

    public async Task<string?> GetLastWeeklyPostAsync(string kind, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT period FROM analytics_weekly_posts WHERE kind = $k ORDER BY period DESC LIMIT 1;";
        command.Parameters.AddWithValue("$k", kind);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task<bool> TryRecordWeeklyPostAsync(string kind, string period, IReadOnlyList<OutboxItemDraft> outbox, IReadOnlyList<RetroSampleItem> retroSample, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using (var marker = connection.CreateCommand())
        {
            marker.Transaction = transaction;
            marker.CommandText = "INSERT INTO analytics_weekly_posts(kind, period, posted_at) VALUES ($k, $p, $at) ON CONFLICT DO NOTHING;";
            marker.Parameters.AddWithValue("$k", kind);
            marker.Parameters.AddWithValue("$p", period);
            marker.Parameters.AddWithValue("$at", SqliteValues.Time(at));
            if (await marker.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return false;
            }
        }

        await SqliteOutboxWriter.InsertAsync(connection, transaction, null, outbox, at, cancellationToken);

        foreach (var sample in retroSample)
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO retro_samples(period, case_id, intent) VALUES ($p, $c, $i) ON CONFLICT DO NOTHING;";
            insert.Parameters.AddWithValue("$p", sample.Period);
            insert.Parameters.AddWithValue("$c", sample.CaseId);
            insert.Parameters.AddWithValue("$i", sample.Intent);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<RetroSampleItem>> GetRetroSampleAsync(string period, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT period, case_id, intent FROM retro_samples WHERE period = $p ORDER BY intent, case_id;";
        command.Parameters.AddWithValue("$p", period);
        var items = new List<RetroSampleItem>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            items.Add(new RetroSampleItem(r.GetString(0), r.GetInt64(1), r.GetString(2)));
        }

        return items;
    }

    public async Task AddRetroScoreAsync(RetroScore score, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO retro_scores(period, case_id, reviewer, tone, accuracy, speed, scored_at) VALUES ($p, $c, $r, $t, $a, $s, $at)
            ON CONFLICT(period, case_id, reviewer) DO UPDATE SET tone = excluded.tone, accuracy = excluded.accuracy, speed = excluded.speed, scored_at = excluded.scored_at;
            """;
        command.Parameters.AddWithValue("$p", score.Period);
        command.Parameters.AddWithValue("$c", score.CaseId);
        command.Parameters.AddWithValue("$r", score.Reviewer);
        command.Parameters.AddWithValue("$t", score.Tone);
        command.Parameters.AddWithValue("$a", score.Accuracy);
        command.Parameters.AddWithValue("$s", score.Speed);
        command.Parameters.AddWithValue("$at", SqliteValues.Time(score.At));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<RetroScore>> ListRetroScoresAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT period, case_id, reviewer, tone, accuracy, speed, scored_at FROM retro_scores ORDER BY period, case_id, reviewer;";
        var scores = new List<RetroScore>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            scores.Add(new RetroScore(r.GetString(0), r.GetInt64(1), r.GetString(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5), SqliteValues.ReadTime(r, 6)));
        }

        return scores;
    }
}
