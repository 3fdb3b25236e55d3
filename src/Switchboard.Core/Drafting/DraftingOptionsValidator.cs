using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Switchboard.Core.Routing;

namespace Switchboard.Core.Drafting;

/// <summary>Loads templates and links at start, and checks the LLM settings when it is enabled; reports every error.</summary>
internal sealed class DraftingOptionsValidator(IHostEnvironment environment) : IValidateOptions<DraftingOptions>
{
    public ValidateOptionsResult Validate(string? name, DraftingOptions options)
    {
        var errors = new List<string>();
        try
        {
            DraftingConfigLoader.LoadFiles(
                ConfigFilePath.Resolve(options.TemplatesPath, environment.ContentRootPath),
                ConfigFilePath.Resolve(options.LinkLibraryPath, environment.ContentRootPath));
        }
        catch (ConfigValidationException ex)
        {
            errors.AddRange(ex.Errors);
        }

        var llm = options.Llm;
        if (llm.Enabled)
        {
            if (llm.Endpoint is not { IsAbsoluteUri: true } endpoint || (endpoint.Scheme != Uri.UriSchemeHttps && !endpoint.IsLoopback))
            {
                errors.Add($"{DraftingOptions.Section}:Llm:Endpoint: an absolute https URL is required when the LLM drafter is enabled (http only for loopback)");
            }

            if (string.IsNullOrWhiteSpace(llm.Model))
            {
                errors.Add($"{DraftingOptions.Section}:Llm:Model: required when the LLM drafter is enabled");
            }

            if (string.IsNullOrWhiteSpace(llm.ApiKey))
            {
                errors.Add($"{DraftingOptions.Section}:Llm:ApiKey: required when the LLM drafter is enabled (set it as a secret, not in appsettings)");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
