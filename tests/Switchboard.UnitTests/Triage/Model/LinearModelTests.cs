using Switchboard.Core.Triage;
using Switchboard.Core.Triage.Model;
using Switchboard.Core.Triage.Normalization;

namespace Switchboard.UnitTests.Triage.Model;

public sealed class LinearModelTests
{
    private static readonly LabeledExample[] Examples =
    [
        new("1", "I want a refund for the double charge", Intents.Billing, "normal", "t"),
        new("2", "charged twice, refund please", Intents.Billing, "high", "t"),
        new("3", "the website is down for everyone", Intents.Outage, "high", "t"),
        new("4", "site down again, nothing loads", Intents.Outage, "high", "t"),
        new("5", "thank you, great service", Intents.Feedback, "low", "t"),
        new("6", "love the new app, thanks", Intents.Feedback, "low", "t"),
    ];

    private static float[] Scores(LinearModel model, string text)
    {
        var tokens = new TokenizedText();
        TextTokenizer.Tokenize(text, tokens);
        var features = new int[64];
        var n = FeatureExtractor.Extract(tokens, model.BucketMask, ref features);
        var scores = new float[model.Classes];
        model.Score(features.AsSpan(0, n), scores);
        return scores;
    }

    [Fact]
    public void Train_SameDataAndSeed_GivesIdenticalWeights()
    {
        var options = new TrainingOptions { Epochs = 3, BucketBits = 12 };
        var a = ModelTrainer.Train(Examples, options, "v");
        var b = ModelTrainer.Train(Examples, options, "v");

        Assert.Equal(a.Weights, b.Weights);
        Assert.Equal(a.Bias, b.Bias);
    }

    [Fact]
    public void Train_SmallData_LearnsItsIntents()
    {
        var model = ModelTrainer.Train(Examples, new TrainingOptions { Epochs = 20, BucketBits = 12 }, "v");
        var scores = Scores(model, "refund the charge");

        Assert.Equal(Intents.Billing, model.Labels[Array.IndexOf(scores, scores.Max())]);
    }

    [Fact]
    public void SaveLoad_RoundTrip_KeepsLabelsVersionAndScores()
    {
        var model = ModelTrainer.Train(Examples, new TrainingOptions { Epochs = 5, BucketBits = 12 }, "triage-lr-test");
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = LinearModel.Load(stream);

        Assert.Equal("triage-lr-test", loaded.Version);
        Assert.Equal(model.Labels, loaded.Labels);
        Assert.Equal(model.BucketBits, loaded.BucketBits);
        Assert.Equal(Scores(model, "site is down"), Scores(loaded, "site is down"));
    }

    [Fact]
    public void Load_NotAModel_ThrowsInvalidData()
    {
        using var stream = new MemoryStream("definitely not a model"u8.ToArray());

        Assert.Throws<InvalidDataException>(() => LinearModel.Load(stream));
    }

    [Fact]
    public void Load_ShippedModel_IsSmallAndKnowsEveryIntent()
    {
        var model = Switchboard.Core.Triage.TriageEngineFactory.LoadEmbeddedModel();
        var file = new FileInfo(Switchboard.Tests.RepoPaths.InRepo("models", "triage-model.bin"));

        Assert.Equal(Intents.All, model.Labels);
        Assert.True(file.Length < 5 * 1024 * 1024, $"model is {file.Length} bytes");
    }
}
