using Microsoft.Extensions.Options;

namespace Switchboard.Core.Routing;

/// <summary>Cross-field checks of the routing configuration, reporting every problem at once.</summary>
public sealed class RoutingOptionsValidator : IValidateOptions<RoutingOptions>
{
    public ValidateOptionsResult Validate(string? name, RoutingOptions options)
    {
        var errors = new List<string>();
        foreach (var (team, config) in options.Teams)
        {
            if (config.Channels.Count == 0)
            {
                errors.Add($"{RoutingOptions.Section}:Teams:{team}:Channels needs at least one review channel.");
            }

            for (var i = 0; i < config.Channels.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(config.Channels[i].Connector) || string.IsNullOrWhiteSpace(config.Channels[i].Channel))
                {
                    errors.Add($"{RoutingOptions.Section}:Teams:{team}:Channels:{i} needs both Connector and Channel.");
                }
            }
        }

        foreach (var intent in Triage.Intents.All.Where(i => !options.Intents.ContainsKey(i)))
        {
            errors.Add($"{RoutingOptions.Section}:Intents:{intent} is missing: every intent needs a routing rule.");
        }

        foreach (var (intent, rule) in options.Intents)
        {
            if (!Triage.Intents.IsKnown(intent))
            {
                errors.Add($"{RoutingOptions.Section}:Intents:{intent} is not a known intent ({string.Join(", ", Triage.Intents.All)}).");
            }

            if (!options.Teams.ContainsKey(rule.Owner))
            {
                errors.Add($"{RoutingOptions.Section}:Intents:{intent}:Owner '{rule.Owner}' is not a configured team.");
            }

            foreach (var team in rule.EscalationPath.Where(t => !options.Teams.ContainsKey(t)))
            {
                errors.Add($"{RoutingOptions.Section}:Intents:{intent}:EscalationPath names '{team}', which is not a configured team.");
            }

            if (rule.AutoSendAtConfidence is { } c && (c < 0 || c > 1))
            {
                errors.Add($"{RoutingOptions.Section}:Intents:{intent}:AutoSendAtConfidence must be between 0 and 1.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
