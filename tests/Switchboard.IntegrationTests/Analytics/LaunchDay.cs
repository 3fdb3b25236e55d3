using Microsoft.Data.Sqlite;
using Switchboard.IntegrationTests.Infrastructure;
using Switchboard.Tests;

namespace Switchboard.IntegrationTests.Analytics;

/// <summary>The launch-day sample replayed into a database file by the real `replay` verb, and reviewer actions on it.</summary>
internal static class LaunchDay
{
    /// <summary>Replay timestamps are all on this day (virtual clock).</summary>
    public const string Day = "2026-11-20";

    /// <summary>The end of the replayed day: hosts in these tests run on a clock stopped here, as if the lead worked the queue that evening.</summary>
    public static readonly DateTimeOffset Evening = new(2026, 11, 20, 21, 0, 0, TimeSpan.Zero);

    public static async Task ReplayAsync(string databasePath)
    {
        var result = await SwitchboardProcess.RunAsync(TimeSpan.FromMinutes(3), "replay", "--in", RepoPaths.InRepo("samples", "launch-day.jsonl"), "--db", databasePath);
        Assert.True(result.ExitCode == 0, result.Error);
    }

    /// <summary>Action tokens still valid (issued at the case's current version), one row per case and action.</summary>
    public static async Task<List<(string Token, long CaseId, string Action, string Intent)>> LiveTokensAsync(string databasePath)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT t.token, t.case_id, t.action, c.intent FROM action_tokens t
            JOIN cases c ON c.id = t.case_id AND c.version = t.case_version
            ORDER BY t.case_id, t.action;
            """;
        var tokens = new List<(string, long, string, string)>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            tokens.Add((reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3)));
        }

        return tokens;
    }

    /// <summary>
    /// A lead works part of the queue through the playground API, newest cases first: approvals, edits, retags
    /// and escalations, so every dashboard chart has data. Returns how many actions were accepted.
    /// </summary>
    public static async Task<int> ReviewSomeAsync(TestHost host, string databasePath)
    {
        var client = new PlaygroundClient(host.Http);
        var byCase = (await LiveTokensAsync(databasePath)).GroupBy(t => t.CaseId).OrderByDescending(g => g.Key).Take(24).ToList();
        var accepted = 0;
        for (var i = 0; i < byCase.Count; i++)
        {
            var tokens = byCase[i].ToDictionary(t => t.Action, t => t.Token);
            var intent = byCase[i].First().Intent;
            var (action, edited, newIntent) = (i % 8) switch
            {
                0 or 1 or 2 or 3 => ("approve", null, null),
                4 => ("edit", "Thanks for flagging this: we are on it and will update you here.", null),
                5 or 6 => ("retag", null, intent == "feedback" ? "product_issue" : "feedback"),
                _ => ("escalate", (string?)null, (string?)null),
            };
            if (!tokens.TryGetValue(action, out var token))
            {
                continue;
            }

            var result = await client.ActAsync(token, "dana", edited, newIntent);
            if (result["accepted"]?.GetValue<bool>() == true)
            {
                accepted++;
            }
        }

        return accepted;
    }
}
