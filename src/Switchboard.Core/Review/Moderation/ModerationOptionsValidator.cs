using Microsoft.Extensions.Options;

namespace Switchboard.Core.Review.Moderation;

/// <summary>Checks the report phrases (every problem at once): a set list must hold phrases, none blank or overlong.</summary>
internal sealed class ModerationOptionsValidator : IValidateOptions<ModerationOptions>
{
    public const int MaxPhraseLength = 100;

    public ValidateOptionsResult Validate(string? name, ModerationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ReportPhrases is not { } phrases)
        {
            return ValidateOptionsResult.Success;
        }

        var problems = new List<string>();
        if (phrases.Count == 0)
        {
            problems.Add($"{ModerationOptions.Section}:ReportPhrases: list at least one phrase, or leave it unset for the defaults");
        }

        for (var i = 0; i < phrases.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(phrases[i]))
            {
                problems.Add($"{ModerationOptions.Section}:ReportPhrases:{i}: a phrase cannot be blank");
            }
            else if (phrases[i].Trim().Length > MaxPhraseLength)
            {
                problems.Add($"{ModerationOptions.Section}:ReportPhrases:{i}: at most {MaxPhraseLength} characters");
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
