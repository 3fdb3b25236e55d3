using Microsoft.Extensions.Options;

namespace Switchboard.Core.Handoff;

/// <summary>When Zendesk is enabled every setting is required: fail closed at start instead of failing on the first case.</summary>
internal sealed class ZendeskOptionsValidator : IValidateOptions<ZendeskOptions>
{
    public ValidateOptionsResult Validate(string? name, ZendeskOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (options.BaseUrl is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttps && !url.IsLoopback))
        {
            errors.Add($"{ZendeskOptions.Section}:BaseUrl: an absolute https URL such as https://acme.zendesk.com is required");
        }

        if (string.IsNullOrWhiteSpace(options.Email))
        {
            errors.Add($"{ZendeskOptions.Section}:Email: required (the agent the API token belongs to)");
        }

        if (string.IsNullOrWhiteSpace(options.ApiToken))
        {
            errors.Add($"{ZendeskOptions.Section}:ApiToken: required (set it as a secret, not in appsettings)");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
