using Microsoft.Extensions.Options;
using Switchboard.Core.Triage.Model;
using Switchboard.Core.Triage.Rules;

namespace Switchboard.Core.Triage;

/// <summary>Cross-field and file checks for <see cref="TriageOptions"/>; reports every problem at once.</summary>
internal sealed class TriageOptionsValidator : IValidateOptions<TriageOptions>
{
    public ValidateOptionsResult Validate(string? name, TriageOptions options)
    {
        var errors = new List<string>();
        if (options.ModelPath is { } model)
        {
            if (!File.Exists(model))
            {
                errors.Add($"{TriageOptions.Section}:ModelPath: file '{model}' does not exist.");
            }
            else
            {
                try
                {
                    _ = LinearModel.Load(model);
                }
                catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException)
                {
                    errors.Add($"{TriageOptions.Section}:ModelPath: '{model}' is not a valid triage model: {e.Message}");
                }
            }
        }

        if (options.RulesPath is { } rules)
        {
            if (!File.Exists(rules))
            {
                errors.Add($"{TriageOptions.Section}:RulesPath: file '{rules}' does not exist.");
            }
            else
            {
                try
                {
                    _ = RuleSet.Load(rules);
                }
                catch (InvalidDataException e)
                {
                    errors.Add($"{TriageOptions.Section}:RulesPath: {e.Message}");
                }
            }
        }

        foreach (var intent in (options.ClusterIntents ?? []).Where(i => !Intents.IsKnown(i)))
        {
            errors.Add($"{TriageOptions.Section}:ClusterIntents: unknown intent '{intent}'.");
        }

        foreach (var (feature, words) in options.ClusterOutageFeatures ?? [])
        {
            if (string.IsNullOrWhiteSpace(feature) || feature == Clustering.OutageClusterer.Service || words is not { Count: > 0 } || words.Any(string.IsNullOrWhiteSpace))
            {
                errors.Add($"{TriageOptions.Section}:ClusterOutageFeatures: feature '{feature}' needs a name other than '{Clustering.OutageClusterer.Service}' and at least one non-empty word.");
            }
        }

        if (options.ClusterOutageServiceWords?.Any(string.IsNullOrWhiteSpace) == true)
        {
            errors.Add($"{TriageOptions.Section}:ClusterOutageServiceWords: words must not be empty.");
        }

        if (options.ClusterOutageWords?.Any(string.IsNullOrWhiteSpace) == true)
        {
            errors.Add($"{TriageOptions.Section}:ClusterOutageWords: words must not be empty.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
