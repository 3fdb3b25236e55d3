using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Switchboard.Core.Routing;

/// <summary>Loads the matrix and teams files at start and reports every problem in them (ValidateOnStart).</summary>
internal sealed class RoutingOptionsValidator(IHostEnvironment environment) : IValidateOptions<RoutingOptions>
{
    public ValidateOptionsResult Validate(string? name, RoutingOptions options)
    {
        try
        {
            RoutingConfigLoader.LoadFiles(
                ConfigFilePath.Resolve(options.MatrixPath, environment.ContentRootPath),
                ConfigFilePath.Resolve(options.TeamsPath, environment.ContentRootPath));
            return ValidateOptionsResult.Success;
        }
        catch (ConfigValidationException ex)
        {
            return ValidateOptionsResult.Fail(ex.Errors);
        }
    }
}
