using Microsoft.Extensions.Options;

namespace Switchboard.Connectors.Slack;

/// <summary>Cross-field rules for <see cref="SlackOptions"/>, reported all at once. Missing secrets stop startup (fail closed).</summary>
internal sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.BotToken))
        {
            errors.Add("Slack BotToken is required when the Slack connector is enabled.");
        }
        else if (!options.BotToken.StartsWith("xoxb-", StringComparison.Ordinal))
        {
            errors.Add("Slack BotToken must be a bot token (xoxb-…).");
        }

        switch (options.Mode)
        {
            case SlackMode.Events when string.IsNullOrWhiteSpace(options.SigningSecret):
                errors.Add("Slack SigningSecret is required in Events mode: unsigned requests are never accepted.");
                break;
            case SlackMode.Socket when string.IsNullOrWhiteSpace(options.AppToken):
                errors.Add("Slack AppToken is required in Socket mode.");
                break;
            case SlackMode.Socket when options.AppToken is { } appToken && !appToken.StartsWith("xapp-", StringComparison.Ordinal):
                errors.Add("Slack AppToken must be an app-level token (xapp-…).");
                break;
            case SlackMode.Events or SlackMode.Socket:
                break;
            default:
                errors.Add($"Slack Mode '{options.Mode}' is unknown; use Events or Socket.");
                break;
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("https" or "http"))
        {
            errors.Add("Slack ApiBaseUrl must be an absolute http(s) URL.");
        }
        else if (!options.ApiBaseUrl.EndsWith('/'))
        {
            errors.Add("Slack ApiBaseUrl must end with '/'.");
        }

        if (options.CustomerChannels.Intersect(options.TeamChannels, StringComparer.Ordinal).Any())
        {
            errors.Add("A Slack channel cannot be both a customer channel and a team channel.");
        }

        if (options.ReconnectBaseDelayMs > options.ReconnectMaxDelayMs)
        {
            errors.Add("Slack ReconnectBaseDelayMs must not exceed ReconnectMaxDelayMs.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
