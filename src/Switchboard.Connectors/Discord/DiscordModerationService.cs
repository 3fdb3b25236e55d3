using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Switchboard.Core.Connectors;

namespace Switchboard.Connectors.Discord;

/// <summary>
/// Moderation for community mods: delete a message, time out its author (communication_disabled_until),
/// pin it, or post a warning in reply. Before acting it computes the bot's own permissions in the channel
/// (guild roles + channel overwrites) and refuses with a clear message when one is missing; a 403 that slips
/// through (role hierarchy, for example) becomes a refusal as well, never a crash.
/// </summary>
public sealed class DiscordModerationService
{
    // Built by AddDiscordConnector's factory: the REST client it needs is internal to this assembly.
    private const int MaxTimeoutMinutes = 28 * 24 * 60;

    private readonly DiscordRestClient _rest;
    private readonly TimeProvider _time;
    private readonly ILogger<DiscordModerationService> _logger;
    private string? _botUserId;

    internal DiscordModerationService(DiscordRestClient rest, TimeProvider time, ILogger<DiscordModerationService> logger)
    {
        _rest = rest;
        _time = time;
        _logger = logger;
    }

    public async Task<DiscordModerationResult> ExecuteAsync(DiscordModerationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = request.Action.ToString();
        if (request.GuildId is null && DiscordOptionsValidator.IsSnowflake(request.ChannelId))
        {
            try
            {
                request = request with { GuildId = (string?)(await _rest.GetChannelAsync(request.ChannelId, cancellationToken))?["guild_id"] };
            }
            catch (ConnectorException ex) when (ex.Failure is ConnectorFailure.NotFound or ConnectorFailure.Auth)
            {
                return Refuse(name, "The bot cannot see that channel any more.");
            }
        }

        var invalid = Validate(request);
        if (invalid is not null)
        {
            return Refuse(name, invalid);
        }

        try
        {
            var missing = await MissingPermissionAsync(request, request.GuildId!, cancellationToken);
            if (missing is not null)
            {
                return Refuse(name, $"The bot lacks the {missing} permission in this channel; grant it to the bot's role and try again.");
            }

            var done = await RunAsync(request, cancellationToken);
            Log.ModerationDone(_logger, name, request.GuildId!, request.ChannelId);
            return new DiscordModerationResult(true, done);
        }
        catch (ConnectorException ex) when (ex.Failure is ConnectorFailure.Auth or ConnectorFailure.NotFound or ConnectorFailure.Invalid)
        {
            return Refuse(name, ex.Failure == ConnectorFailure.NotFound
                ? "The message, member or channel no longer exists."
                : $"Discord refused it: {ex.Message}");
        }
    }

    private async Task<string> RunAsync(DiscordModerationRequest request, CancellationToken cancellationToken)
    {
        switch (request.Action)
        {
            case DiscordModerationAction.DeleteMessage:
                await _rest.DeleteMessageAsync(request.ChannelId, request.MessageId!, request.Reason, cancellationToken);
                return "Message deleted.";
            case DiscordModerationAction.PinMessage:
                await _rest.PinMessageAsync(request.ChannelId, request.MessageId!, request.Reason, cancellationToken);
                return "Message pinned.";
            case DiscordModerationAction.TimeoutAuthor:
                var until = _time.GetUtcNow().AddMinutes(request.TimeoutMinutes);
                await _rest.ModifyMemberAsync(
                    request.GuildId!,
                    request.UserId!,
                    new JsonObject { ["communication_disabled_until"] = until.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture) },
                    request.Reason,
                    cancellationToken);
                return $"Author timed out for {request.TimeoutMinutes} minutes.";
            default:
                var body = new JsonObject
                {
                    ["content"] = request.WarningText,
                    // Ping the author, and nobody else.
                    ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray(), ["users"] = request.UserId is null ? new JsonArray() : new JsonArray(request.UserId) },
                };
                if (request.MessageId is not null)
                {
                    body["message_reference"] = new JsonObject { ["message_id"] = request.MessageId, ["fail_if_not_exists"] = false };
                }

                await _rest.CreateMessageAsync(request.ChannelId, body, cancellationToken);
                return "Warning posted.";
        }
    }

    private async Task<string?> MissingPermissionAsync(DiscordModerationRequest request, string guildId, CancellationToken cancellationToken)
    {
        _botUserId ??= (string?)(await _rest.GetAsync("users/@me", cancellationToken))?["id"];
        var bot = _botUserId ?? throw new ConnectorException(ConnectorFailure.Transient, "Discord did not say who the bot is.");
        var guild = (await _rest.GetAsync($"guilds/{guildId}", cancellationToken))?.AsObject() ?? [];
        var member = await _rest.GetAsync($"guilds/{guildId}/members/{bot}", cancellationToken);
        var memberRoles = ((member?["roles"] as JsonArray) ?? []).Select(r => (string?)r).OfType<string>().ToList();
        var basePermissions = DiscordPermissions.Base(guildId, (string?)guild["owner_id"], bot, (guild["roles"] as JsonArray) ?? [], memberRoles);
        if (request.Action == DiscordModerationAction.TimeoutAuthor)
        {
            if (request.UserId == (string?)guild["owner_id"])
            {
                return "(none: the server owner cannot be timed out) MODERATE_MEMBERS";
            }

            return (basePermissions & DiscordPermissions.ModerateMembers) != 0 ? null : "MODERATE_MEMBERS (Timeout Members)";
        }

        var channel = await _rest.GetChannelAsync(request.ChannelId, cancellationToken);
        if ((int?)channel?["type"] is 10 or 11 or 12 && (string?)channel?["parent_id"] is { } parentId)
        {
            // Threads take their permissions from the parent channel.
            channel = await _rest.GetChannelAsync(parentId, cancellationToken);
        }

        var permissions = DiscordPermissions.InChannel(basePermissions, guildId, bot, memberRoles, channel?["permission_overwrites"] as JsonArray);
        if ((permissions & DiscordPermissions.ViewChannel) == 0)
        {
            return "VIEW_CHANNEL (View Channel)";
        }

        return request.Action switch
        {
            DiscordModerationAction.DeleteMessage when (permissions & DiscordPermissions.ManageMessages) == 0 => "MANAGE_MESSAGES (Manage Messages)",
            DiscordModerationAction.PinMessage when (permissions & (DiscordPermissions.PinMessages | DiscordPermissions.ManageMessages)) == 0 => "PIN_MESSAGES (Pin Messages)",
            DiscordModerationAction.PostWarning when (permissions & DiscordPermissions.SendMessages) == 0 => "SEND_MESSAGES (Send Messages)",
            _ => null,
        };
    }

    private static string? Validate(DiscordModerationRequest r)
    {
        if (!DiscordOptionsValidator.IsSnowflake(r.GuildId) || !DiscordOptionsValidator.IsSnowflake(r.ChannelId))
        {
            return "Moderation works in a server channel; this message has no guild or channel id.";
        }

        return r.Action switch
        {
            DiscordModerationAction.DeleteMessage or DiscordModerationAction.PinMessage when !DiscordOptionsValidator.IsSnowflake(r.MessageId) => "Which message? The request has no message id.",
            DiscordModerationAction.TimeoutAuthor when !DiscordOptionsValidator.IsSnowflake(r.UserId) => "Whom? The request has no author id.",
            DiscordModerationAction.TimeoutAuthor when r.TimeoutMinutes is < 1 or > MaxTimeoutMinutes => "A timeout lasts from 1 minute to 28 days.",
            DiscordModerationAction.PostWarning when string.IsNullOrWhiteSpace(r.WarningText) || r.WarningText.Length > DiscordMessageSplitter.MaxLength => "The warning needs text of at most 2000 characters.",
            _ => null,
        };
    }

    private DiscordModerationResult Refuse(string action, string reason)
    {
        Log.ModerationRefused(_logger, action, reason);
        return new DiscordModerationResult(false, reason);
    }
}
