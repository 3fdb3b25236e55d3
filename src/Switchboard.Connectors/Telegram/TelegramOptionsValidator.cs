using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Switchboard.Connectors.Telegram;

/// <summary>Cross-field rules of <see cref="TelegramOptions"/>; reports every problem at once and fails closed.</summary>
internal sealed partial class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Skip;
        }

        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.BotToken))
        {
            errors.Add("Telegram: BotToken is required when the connector is enabled.");
        }
        else if (!TokenPattern().IsMatch(options.BotToken))
        {
            // The token itself is never echoed into the error.
            errors.Add("Telegram: BotToken does not look like a BotFather token (digits ':' letters).");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api)
            || (api.Scheme != Uri.UriSchemeHttps && !(api.Scheme == Uri.UriSchemeHttp && api.IsLoopback)))
        {
            errors.Add("Telegram: ApiBaseUrl must be an absolute https URL (plain http only for a loopback host).");
        }

        if (options.Mode == TelegramReceiveMode.Webhook)
        {
            if (string.IsNullOrEmpty(options.WebhookSecret))
            {
                errors.Add("Telegram: WebhookSecret is required in webhook mode; requests are never accepted unverified.");
            }
            else if (!SecretPattern().IsMatch(options.WebhookSecret))
            {
                errors.Add("Telegram: WebhookSecret must be 1-256 characters of A-Z, a-z, 0-9, '_' and '-'.");
            }

            if (!Uri.TryCreate(options.WebhookUrl, UriKind.Absolute, out var hook) || hook.Scheme != Uri.UriSchemeHttps)
            {
                errors.Add("Telegram: WebhookUrl must be an absolute https URL in webhook mode.");
            }
        }

        CheckChats(options.CustomerChats, "CustomerChats", errors);
        CheckChats(options.TeamChats, "TeamChats", errors);
        foreach (var both in options.CustomerChats.Intersect(options.TeamChats, StringComparer.Ordinal))
        {
            errors.Add($"Telegram: chat {both} is listed both as a customer chat and as a team chat.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckChats(List<string> chats, string key, List<string> errors)
    {
        foreach (var chat in chats)
        {
            if (!long.TryParse(chat, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            {
                errors.Add($"Telegram: {key} entry '{chat}' is not a numeric chat id (groups are negative, supergroups start with -100).");
            }
        }
    }

    [GeneratedRegex("^[0-9]{1,20}:[A-Za-z0-9_-]{20,}$")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretPattern();
}
