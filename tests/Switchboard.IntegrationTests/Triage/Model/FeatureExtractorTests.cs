using System.Text.Json;
using Switchboard.Core.Triage.Model;
using Switchboard.Core.Triage.Normalization;
using Switchboard.Tests;

namespace Switchboard.IntegrationTests.Triage.Model;

/// <summary>
/// Pins what the model sees. Speed work on the tokenizer and feature extractor must not change a single
/// feature id, or the committed model silently scores different inputs than it was trained on. The checksum
/// covers every token hash and hashed feature of the first 2,000 training rows; if a deliberate change to
/// features moves it, retrain the model and update the value in the same commit.
/// </summary>
public sealed class FeatureExtractorTests
{
    private const string Pinned = "81c9ce944e7d2a2c";

    [Fact]
    public void Extract_FirstTwoThousandTrainingRows_FeaturesUnchanged()
    {
        var path = RepoPaths.InShared("data", "triage-train.jsonl");
        Assert.True(File.Exists(path), $"{path} is missing: the shared data folder sits beside the repository");
        var tokens = new TokenizedText();
        var features = new int[512];
        var hash = TextHash.Offset;
        var rows = 0;
        foreach (var line in File.ReadLines(path).Take(2000))
        {
            using var doc = JsonDocument.Parse(line);
            TextTokenizer.Tokenize(doc.RootElement.GetProperty("text").GetString() ?? string.Empty, tokens);
            for (var i = 0; i < tokens.Count; i++)
            {
                hash = TextHash.Combine(hash, tokens.Hashes[i]);
            }

            var n = FeatureExtractor.Extract(tokens, (1 << 20) - 1, ref features);
            foreach (var f in features.AsSpan(0, n))
            {
                hash = TextHash.Combine(hash, (ulong)f);
            }

            rows++;
        }

        Assert.Equal(2000, rows);
        Assert.Equal(Pinned, hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture));
    }
}
