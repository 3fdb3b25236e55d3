using Microsoft.Data.Sqlite;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Review;

/// <summary>A reviewer's Retag becomes a labeled example that `train --corrections` reads.</summary>
public sealed class RetagCorrectionsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Retag_ThenExport_WritesTheMessageWithTheReviewersIntent()
    {
        var db = _folder.File("retag.db");
        await using (var host = await TestHost.StartAsync(db))
        {
            var playground = new PlaygroundClient(host.Http);
            await playground.PostAsync("tg-community", "wen", "I was charged twice, refund please");
            var card = await playground.CardInAsync("review-finance");
            var retagged = await playground.ActAsync(PlaygroundClient.TokenOf(card, "retag"), "dana", newIntent: "promo_campaign");
            Assert.True((bool)retagged["accepted"]!, retagged.ToJsonString());
            await playground.CardInAsync("review-campaign-ops");
        }

        SqliteConnection.ClearAllPools();
        var output = _folder.File("corrections.jsonl");
        var result = await SwitchboardProcess.RunAsync(TimeSpan.FromMinutes(1), "corrections", "export", "--db", db, "--out", output);

        Assert.True(result.ExitCode == 0, result.Error);
        var line = Assert.Single(await File.ReadAllLinesAsync(output, TestContext.Current.CancellationToken));
        Assert.Contains("\"intent\":\"promo_campaign\"", line, StringComparison.Ordinal);
        Assert.Contains("charged twice", line, StringComparison.Ordinal);
    }
}
