using System.Globalization;
using System.Text.Json;
using Switchboard.Core.Triage;
using Switchboard.Core.Triage.Normalization;
using Switchboard.Tests;

namespace Switchboard.IntegrationTests.Triage;

/// <summary>The whole engine over the shared training file (real files, so an integration test).</summary>
public sealed class TriageEngineTests
{
    [Fact]
    public void Triage_FirstTwoThousandTrainingRows_CommittedModelPredictionsUnchanged()
    {
        // Intent and confidence (4 decimals) of every row, through the whole engine, pinned for the shipped model
        // and rules: a change to the engine's code must not move a single prediction. A retrained model or edited
        // rules legitimately move it: then the version check fails first, and both values are updated together.
        const string pinnedVersions = "triage-lr-0c44dba3f6+rules-2026.11.4";
        const string pinnedPredictions = "b35d608e010404e4";
        var engine = (TriageEngine)TriageEngineFactory.Create();
        var hash = TextHash.Offset;
        foreach (var line in File.ReadLines(RepoPaths.InShared("data", "triage-train.jsonl")).Take(2000))
        {
            using var doc = JsonDocument.Parse(line);
            var result = engine.Triage(new TriageRequest("pin", doc.RootElement.GetProperty("text").GetString() ?? string.Empty));
            hash = TextHash.Of(result.Intent, hash);
            hash = TextHash.Of(result.Confidence.ToString("0.0000", CultureInfo.InvariantCulture), hash);
        }

        var predictions = hash.ToString("x16", CultureInfo.InvariantCulture);
        Assert.True(engine.DecidedByBase == pinnedVersions, $"the shipped model or rules changed ({engine.DecidedByBase}): update pinnedVersions and pinnedPredictions ({predictions}) together");
        Assert.Equal(pinnedPredictions, predictions);
    }
}
