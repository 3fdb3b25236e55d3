using Microsoft.Extensions.Options;

namespace Switchboard.Speech;

/// <summary>Cross-field rules for <see cref="SpeechOptions"/>; reports every problem at once.</summary>
internal sealed class SpeechOptionsValidator : IValidateOptions<SpeechOptions>
{
    public ValidateOptionsResult Validate(string? name, SpeechOptions options)
    {
        var errors = new List<string>();
        if (options.Whisper.Required && string.IsNullOrWhiteSpace(options.Whisper.ModelPath))
        {
            errors.Add("Switchboard:Speech:Whisper:Required is true but Whisper:ModelPath is not set.");
        }

        if (!string.IsNullOrWhiteSpace(options.Whisper.ModelPath) && !File.Exists(options.Whisper.ModelPath) && options.Whisper.Required)
        {
            errors.Add($"Switchboard:Speech:Whisper:ModelPath '{options.Whisper.ModelPath}' does not exist.");
        }

        if (options.Whisper.TemperatureIncrement is < 0 or > 1)
        {
            errors.Add("Switchboard:Speech:Whisper:TemperatureIncrement must be between 0 and 1.");
        }

        // Decoding alone takes a moment per note; a timeout shorter than a tenth of the longest allowed note
        // would fail long notes that are within the limits.
        if (options.TimeoutSeconds * 10 < options.MaxSeconds)
        {
            errors.Add($"Switchboard:Speech:TimeoutSeconds ({options.TimeoutSeconds}) is too short for MaxSeconds ({options.MaxSeconds}); allow at least MaxSeconds / 10.");
        }

        if (options.PocketSphinx.Enabled && string.IsNullOrWhiteSpace(options.PocketSphinx.ExecutablePath))
        {
            errors.Add("Switchboard:Speech:PocketSphinx:ExecutablePath is empty.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
