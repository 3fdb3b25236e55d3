using Microsoft.Extensions.Options;

namespace Switchboard.Core.Cards;

/// <summary>Checks that the templates folder can be found, reporting every problem at once.</summary>
internal sealed class CardsOptionsValidator : IValidateOptions<CardsOptions>
{
    public ValidateOptionsResult Validate(string? name, CardsOptions options)
    {
        var errors = new List<string>();
        if (options.TemplatesPath is { } path && !Directory.Exists(path))
        {
            errors.Add($"{CardsOptions.Section}:TemplatesPath points to '{path}', which is not a folder.");
        }

        if (options.TemplatesPath is null && CardTemplates.FindDefaultFolder() is null)
        {
            errors.Add($"No cards/ folder was found next to the app or above it; set {CardsOptions.Section}:TemplatesPath.");
        }

        if (options.LongTextLimit * 2 >= options.MaxCardBytes)
        {
            errors.Add($"{CardsOptions.Section}:LongTextLimit ({options.LongTextLimit}) must leave room in MaxCardBytes ({options.MaxCardBytes}).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
