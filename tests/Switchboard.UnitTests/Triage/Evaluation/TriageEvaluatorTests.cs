using Switchboard.Core.Triage;
using Switchboard.Core.Triage.Evaluation;
using Switchboard.Core.Triage.Model;

namespace Switchboard.UnitTests.Triage.Evaluation;

public sealed class TriageEvaluatorTests
{
    /// <summary>Says what the text says: "billing critical" → billing, critical.</summary>
    private sealed class EchoEngine : ITriageEngine
    {
        public TriageResult Triage(TriageRequest request)
        {
            var parts = request.Text.Split(' ');
            return new TriageResult(parts[0], parts[1], 0.9, "en", [], null, 0, false, ["echo"], "echo");
        }
    }

    [Fact]
    public void Evaluate_KnownPredictions_ComputesFigures()
    {
        LabeledExample[] rows =
        [
            new("1", "billing normal", Intents.Billing, Severities.Normal, "s"),
            new("2", "billing normal", Intents.Billing, Severities.Normal, "s"),
            new("3", "noise low", Intents.Billing, Severities.Normal, "s"),
            new("4", "noise low", Intents.Noise, Severities.Low, "s"),
            new("5", "outage critical", Intents.Outage, Severities.Critical, "s"),
            new("6", "outage high", Intents.Outage, Severities.Critical, "s"),
        ];

        var report = TriageEvaluator.Evaluate("echo", new EchoEngine(), rows);

        Assert.Equal(5.0 / 6, report.Accuracy, 6);
        var billing = report.PerIntent.Single(m => m.Intent == Intents.Billing);
        Assert.Equal(1.0, billing.Precision, 6);
        Assert.Equal(2.0 / 3, billing.Recall, 6);
        Assert.Equal(0.5, report.NoisePrecision, 6);
        Assert.Equal(1.0, report.NoiseRecall, 6);
        Assert.Equal(0.5, report.CriticalRecall!.Value, 6);
        Assert.Equal(2, report.CriticalSupport);
        Assert.Equal(4.0 / 6, report.SeverityAccuracy!.Value, 6);
        Assert.Equal(1, report.Confusion[Intents.All.ToList().IndexOf(Intents.Billing)][Intents.All.ToList().IndexOf(Intents.Noise)]);
        // macro over the three gold intents: billing 0.8, noise 0.667, outage 1.0
        Assert.Equal((0.8 + (2.0 / 3) + 1.0) / 3, report.MacroF1, 6);
    }

    [Fact]
    public void Format_TwoReports_ShowsBothSideBySide()
    {
        LabeledExample[] rows = [new("1", "billing normal", Intents.Billing, Severities.Normal, "s")];
        var a = TriageEvaluator.Evaluate("engine", new EchoEngine(), rows);
        var b = TriageEvaluator.Evaluate("keywords", new KeywordTriageEngine(), rows);

        var text = TriageEvaluator.Format(a, b);

        Assert.Contains("macro-F1", text, StringComparison.Ordinal);
        Assert.Contains("keywords", text, StringComparison.Ordinal);
        Assert.Contains("confusion matrix", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_Splits_AreDisjointBySource()
    {
        LabeledExample[] rows =
        [
            new("1", "a", Intents.Noise, null, LabeledDataset.DevSources[0]),
            new("2", "b", Intents.Noise, null, LabeledDataset.TestSources[0]),
            new("3", "c", Intents.Noise, null, "banking77/train"),
        ];

        Assert.Equal(["1"], LabeledDataset.Select(rows, "dev").Select(r => r.Id));
        Assert.Equal(["2"], LabeledDataset.Select(rows, "test").Select(r => r.Id));
        Assert.Equal(["1", "2"], LabeledDataset.Select(rows, "heldout").Select(r => r.Id));
        Assert.True(LabeledDataset.IsTemplated(rows[2]));
    }
}
