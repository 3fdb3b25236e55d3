using Switchboard.Core.Triage;
using Switchboard.Core.Triage.Evaluation;
using Switchboard.Core.Triage.Model;

namespace Switchboard.UnitTests.Triage.Evaluation;

public sealed class SourceCrossValidationTests
{
    private static readonly TrainingOptions Quick = new() { Epochs = 6 };

    [Theory]
    [InlineData("gplay-top20-app-reviews/curated [nc]", "gplay-top20-app-reviews")]
    [InlineData("review-pulse-labelled-reviews", "review-pulse-labelled-reviews")]
    [InlineData("tweeteval-emoji/train [nc]", "tweeteval-emoji")]
    [InlineData("handwritten", "handwritten")]
    public void DatasetOf_SourceWithSplitAndLicenceTag_GivesTheDataset(string source, string dataset) =>
        Assert.Equal(dataset, SourceCrossValidation.DatasetOf(source));

    [Theory]
    [InlineData("zomato-gplay-reviews/curated [nc]", true)]
    [InlineData("twitter-airline-sentiment", true)]
    [InlineData("twcs-asapp-airlines/curated", false)]
    [InlineData("banking77/train", false)]
    [InlineData("handwritten", false)]
    [InlineData("correction", false)]
    public void IsScored_BySource_ScoresOnlyRealNonTestText(string source, bool scored) =>
        Assert.Equal(scored, SourceCrossValidation.IsScored(new LabeledExample("1", "text", Intents.Billing, null, source)));

    [Fact]
    public void Run_IntentOnlyOneDatasetTeaches_IsNotLearntWhenThatDatasetIsScored()
    {
        // "zqxj" promo rows exist only in dataset alpha: a fold that scores alpha must not have seen them, so none
        // of them can come out promo_campaign. Had alpha leaked into its own fold, they all would.
        var rows = new List<LabeledExample>();
        rows.AddRange(Many("hw-b", "refund my money i was charged twice", Intents.Billing, "handwritten", 12));
        rows.AddRange(Many("hw-o", "the site is down for everyone", Intents.Outage, "handwritten", 12));
        rows.AddRange(Many("hw-n", "lol good morning all", Intents.Noise, "handwritten", 12));
        rows.AddRange(Many("a-p", "zqxj zqxj zqxj", Intents.PromoCampaign, "alpha/curated [nc]", 6));
        rows.AddRange(Many("a-b", "charged twice please refund", Intents.Billing, "alpha/curated [nc]", 6));
        rows.AddRange(Many("b-o", "site down again for everyone", Intents.Outage, "beta", 8));
        rows.AddRange(Many("t", "zqxj zqxj zqxj", Intents.PromoCampaign, "twcs-asapp-airlines/curated", 5));
        rows.AddRange(Many("tpl", "how do i get a refund", Intents.Billing, "banking77/train", 5));

        var result = SourceCrossValidation.Run(rows, Quick, rulesPath: null, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["alpha", "beta"], result.Folds.Select(f => f.Dataset));
        Assert.Equal([12, 8], result.Folds.Select(f => f.Rows));
        Assert.Equal(20, result.Pooled.Rows);
        var promo = result.Pooled.PerIntent.Single(m => m.Intent == Intents.PromoCampaign);
        Assert.Equal(6, promo.Support);
        Assert.Equal(0, promo.Recall);
        Assert.Equal(1.0, result.Folds.Single(f => f.Dataset == "beta").Accuracy, 6);
        Assert.Equal(6, result.Misses.Count(m => m.Gold == Intents.PromoCampaign && m.Dataset == "alpha"));
        Assert.DoesNotContain(result.Misses, m => m.Id.StartsWith('t'));
    }

    [Fact]
    public void Run_OneDataset_SaysTwoAreNeeded()
    {
        var rows = Many("a", "charged twice please refund", Intents.Billing, "alpha", 4).ToList();

        var error = Assert.Throws<InvalidDataException>(() => SourceCrossValidation.Run(rows, Quick, rulesPath: null, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("at least two datasets", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_Result_ListsFoldsAndPooledFigures()
    {
        var rows = new List<LabeledExample>();
        rows.AddRange(Many("a", "charged twice please refund", Intents.Billing, "alpha", 6));
        rows.AddRange(Many("b", "site down again for everyone", Intents.Outage, "beta", 6));
        rows.AddRange(Many("hw", "refund my card charge", Intents.Billing, "handwritten", 6));
        rows.AddRange(Many("hw2", "server is down", Intents.Outage, "handwritten", 6));

        var text = SourceCrossValidation.Format(SourceCrossValidation.Run(rows, Quick, rulesPath: null, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("dataset left out", text, StringComparison.Ordinal);
        Assert.Contains("alpha", text, StringComparison.Ordinal);
        Assert.Contains("pooled over every fold", text, StringComparison.Ordinal);
        Assert.Contains("macro-F1 (intents present)", text, StringComparison.Ordinal);
    }

    private static IEnumerable<LabeledExample> Many(string prefix, string text, string intent, string source, int count) =>
        Enumerable.Range(0, count).Select(i => new LabeledExample($"{prefix}{i}", $"{text} {(char)('a' + (i % 26))}", intent, null, source));
}
