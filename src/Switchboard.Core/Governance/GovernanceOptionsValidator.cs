using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Switchboard.Core.Routing;

namespace Switchboard.Core.Governance;

/// <summary>
/// Loads the roles file at start; checks members name known roles and, when the matrix loads, that every role
/// its approval policies name exists (a typo there would make a case impossible to approve).
/// </summary>
internal sealed class GovernanceOptionsValidator(IHostEnvironment environment, IOptions<RoutingOptions> routing) : IValidateOptions<GovernanceOptions>
{
    public ValidateOptionsResult Validate(string? name, GovernanceOptions options)
    {
        var errors = new List<string>();
        RoleCatalog? catalog = null;
        try
        {
            catalog = RoleCatalogLoader.LoadFile(ConfigFilePath.Resolve(options.RolesPath, environment.ContentRootPath));
        }
        catch (ConfigValidationException ex)
        {
            errors.AddRange(ex.Errors);
        }

        if (catalog is not null)
        {
            for (var i = 0; i < options.Members.Count; i++)
            {
                var member = options.Members[i];
                if (string.IsNullOrWhiteSpace(member.Actor))
                {
                    errors.Add($"{GovernanceOptions.Section}:Members:{i}:Actor: required");
                }

                foreach (var role in member.Roles.Where(r => !catalog.Roles.ContainsKey(r)))
                {
                    errors.Add($"{GovernanceOptions.Section}:Members:{i}:Roles: '{role}' is not a role in {options.RolesPath}");
                }
            }

            var root = environment.ContentRootPath;
            var matrix = RoutingConfigLoader.TryLoad(
                File.Exists(ConfigFilePath.Resolve(routing.Value.MatrixPath, root)) ? File.ReadAllText(ConfigFilePath.Resolve(routing.Value.MatrixPath, root)) : string.Empty,
                File.Exists(ConfigFilePath.Resolve(routing.Value.TeamsPath, root)) ? File.ReadAllText(ConfigFilePath.Resolve(routing.Value.TeamsPath, root)) : string.Empty,
                out _);
            if (matrix is not null)
            {
                errors.AddRange(GovernanceConsistency.Check(matrix.Matrix, catalog));
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
