using System.CommandLine;
using Switchboard.Core.Triage;

namespace Switchboard.Cli;

/// <summary>The engine thresholds that `eval` and `crossval` can score with instead of the shipped settings.</summary>
internal sealed class EngineThresholdOptions
{
    private readonly Option<double?> noiseMin = new("--noise-min") { Description = "NoiseMinConfidence to evaluate with (default: the shipped setting)." };
    private readonly Option<double?> abstainBelow = new("--abstain-below") { Description = "AbstainBelow to evaluate with (default: the shipped setting)." };

    public void AddTo(Command command)
    {
        command.Options.Add(noiseMin);
        command.Options.Add(abstainBelow);
    }

    /// <summary>Sets the thresholds given on the command line; the others keep their shipped values.</summary>
    public TriageOptions ApplyTo(TriageOptions settings, ParseResult parseResult)
    {
        settings.NoiseMinConfidence = parseResult.GetValue(noiseMin) ?? settings.NoiseMinConfidence;
        settings.AbstainBelow = parseResult.GetValue(abstainBelow) ?? settings.AbstainBelow;
        return settings;
    }
}
