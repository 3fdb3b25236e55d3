using Microsoft.Extensions.Options;

namespace Switchboard.Connectors.Discord;

/// <summary>Cross-field rules; fails closed: an enabled connector without a token or with a malformed address stops start-up.</summary>
internal sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.BotToken))
        {
            errors.Add($"{DiscordOptions.Section}:BotToken is required when the Discord connector is enabled (set Switchboard__Connectors__Discord__BotToken).");
        }
        else if (options.BotToken.Any(char.IsWhiteSpace) || options.BotToken.StartsWith("Bot ", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"{DiscordOptions.Section}:BotToken must be the bare token (no spaces, no 'Bot ' prefix).");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("https" or "http"))
        {
            errors.Add($"{DiscordOptions.Section}:ApiBaseUrl must be an absolute http(s) URL.");
        }

        if (!Uri.TryCreate(options.GatewayUrl, UriKind.Absolute, out var gateway) || gateway.Scheme is not ("wss" or "ws"))
        {
            errors.Add($"{DiscordOptions.Section}:GatewayUrl must be an absolute ws(s) URL.");
        }

        if ((options.Intents & (DiscordIntents.GuildMessages | DiscordIntents.DirectMessages)) == 0)
        {
            errors.Add($"{DiscordOptions.Section}:Intents must include GUILD_MESSAGES (512) or DIRECT_MESSAGES (4096), or no message ever arrives.");
        }

        foreach (var id in options.CustomerChannels.Concat(options.TeamChannels))
        {
            if (!IsSnowflake(id))
            {
                errors.Add($"{DiscordOptions.Section}: channel id '{id}' is not a Discord snowflake (digits only).");
            }
        }

        if (options.RegisterCommands && !IsSnowflake(options.ApplicationId))
        {
            errors.Add($"{DiscordOptions.Section}:ApplicationId must be the application's snowflake when RegisterCommands is true.");
        }

        if (options.CommandGuildId is not null && !IsSnowflake(options.CommandGuildId))
        {
            errors.Add($"{DiscordOptions.Section}:CommandGuildId '{options.CommandGuildId}' is not a Discord snowflake (digits only).");
        }

        var both = options.CustomerChannels.Intersect(options.TeamChannels, StringComparer.Ordinal).ToList();
        if (both.Count > 0)
        {
            errors.Add($"{DiscordOptions.Section}: channel(s) {string.Join(", ", both)} are both customer and team channels.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    internal static bool IsSnowflake(string? id) => id is { Length: > 0 and <= 20 } && id.All(char.IsAsciiDigit);
}
