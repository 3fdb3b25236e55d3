using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Switchboard.Core.Routing;

/// <summary>Loads the matrix and teams files at start and reports every problem in them (ValidateOnStart).</summary>
internal sealed class EscalationMatrixOptionsValidator(IHostEnvironment environment) : IValidateOptions<EscalationMatrixOptions>
{
    public ValidateOptionsResult Validate(string? name, EscalationMatrixOptions options)
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
