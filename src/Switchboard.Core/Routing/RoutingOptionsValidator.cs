using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Switchboard.Core.Triage;
using Switchboard.Core.Triage.Rules;

namespace Switchboard.Core.Routing;

/// <summary>
/// Loads the matrix and teams files at start and reports every problem in them (ValidateOnStart), including
/// triage rules whose <c>owner</c> is not a team: such a rule could never hand a case to anyone.
/// </summary>
internal sealed class RoutingOptionsValidator(IHostEnvironment environment, IServiceProvider services) : IValidateOptions<RoutingOptions>
{
    public ValidateOptionsResult Validate(string? name, RoutingOptions options)
    {
        RoutingConfiguration configuration;
        try
        {
            configuration = RoutingConfigLoader.LoadFiles(
                ConfigFilePath.Resolve(options.MatrixPath, environment.ContentRootPath),
                ConfigFilePath.Resolve(options.TeamsPath, environment.ContentRootPath));
        }
        catch (ConfigValidationException ex)
        {
            return ValidateOptionsResult.Fail(ex.Errors);
        }

        var triage = services.GetService<IOptions<TriageOptions>>()?.Value;
        if (triage is null)
        {
            return ValidateOptionsResult.Success;
        }

        RuleSet rules;
        try
        {
            rules = triage.RulesPath is null ? RuleSet.LoadDefault() : RuleSet.Load(triage.RulesPath);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            // The triage validator reports a broken rules file in full; nothing to cross-check here.
            return ValidateOptionsResult.Success;
        }

        var errors = RuleOwnerCheck(rules, configuration.Teams);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Every owner a triage rule names must be a team of the teams file.</summary>
    public static List<string> RuleOwnerCheck(RuleSet rules, TeamDirectory teams) =>
        [.. rules.Rules
            .Where(r => r.Owner is not null && !teams.Teams.ContainsKey(r.Owner))
            .Select(r => $"triage rules: rule '{r.Id}' names owner '{r.Owner}', which is not a team in the teams file ({string.Join(", ", teams.Teams.Keys)})")];
}
