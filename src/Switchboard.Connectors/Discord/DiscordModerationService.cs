using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Switchboard.Core.Connectors;

namespace Switchboard.Connectors.Discord;

/// <summary>
/// Moderation for community mods: delete a message, time out or ban its author, pin it, or post a warning in
/// reply (and pin it). Before acting it computes the bot's own permissions (guild roles + channel overwrites) and
/// refuses with a clear message when one is missing; a 403 that slips through (role hierarchy, for example)
/// becomes a refusal as well, never a crash.
/// </summary>
public sealed class DiscordModerationService
{
    /// <summary>Discord's upper bound for delete_message_seconds on a ban (7 days).</summary>
    public const int MaxBanDeleteMessageSeconds = 7 * 24 * 60 * 60;

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
            var (refusal, permissions) = await CheckPermissionsAsync(request, request.GuildId!, cancellationToken);
            if (refusal is not null)
            {
                return Refuse(name, refusal);
            }

            var result = await RunAsync(request, permissions, cancellationToken);
            if (!result.Done)
            {
                return Refuse(name, result.Message);
            }

            Log.ModerationDone(_logger, name, request.GuildId!, request.ChannelId);
            return result;
        }
        catch (ConnectorException ex) when (ex.Failure is ConnectorFailure.Auth or ConnectorFailure.NotFound or ConnectorFailure.Invalid)
        {
            return Refuse(name, ex.Failure == ConnectorFailure.NotFound
                ? "The message, member or channel no longer exists."
                : $"Discord refused it: {ex.Message}");
        }
    }

    private async Task<DiscordModerationResult> RunAsync(DiscordModerationRequest request, ulong permissions, CancellationToken cancellationToken)
    {
        switch (request.Action)
        {
            case DiscordModerationAction.DeleteMessage:
                await _rest.DeleteMessageAsync(request.ChannelId, request.MessageId!, request.Reason, cancellationToken);
                return new(true, "Message deleted.");
            case DiscordModerationAction.PinMessage:
                await _rest.PinMessageAsync(request.ChannelId, request.MessageId!, request.Reason, cancellationToken);
                return new(true, "Message pinned.");
            case DiscordModerationAction.TimeoutAuthor:
                var until = _time.GetUtcNow().AddMinutes(request.TimeoutMinutes);
                await _rest.ModifyMemberAsync(
                    request.GuildId!,
                    request.UserId!,
                    new JsonObject { ["communication_disabled_until"] = until.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture) },
                    request.Reason,
                    cancellationToken);
                return new(true, $"Author timed out for {request.TimeoutMinutes} minutes.");
            case DiscordModerationAction.BanAuthor:
                return await BanAsync(request, cancellationToken);
            case DiscordModerationAction.PinWarning:
                var posted = await _rest.CreateMessageAsync(request.ChannelId, WarningBody(request), cancellationToken);
                return new(true, await PinWarningAsync(request, (string?)posted["id"], permissions, cancellationToken));
            default:
                await _rest.CreateMessageAsync(request.ChannelId, WarningBody(request), cancellationToken);
                return new(true, "Warning posted.");
        }
    }

    private async Task<DiscordModerationResult> BanAsync(DiscordModerationRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await _rest.BanMemberAsync(
                request.GuildId!,
                request.UserId!,
                new JsonObject { ["delete_message_seconds"] = request.DeleteMessageSeconds },
                request.Reason,
                cancellationToken);
        }
        catch (ConnectorException ex) when (ex.Failure == ConnectorFailure.Auth && ex.Message.StartsWith("Discord 403", StringComparison.Ordinal))
        {
            // BAN_MEMBERS was checked just before, so a 403 (50013 Missing Permissions) here is the role hierarchy:
            // a bot can only ban members whose highest role is below its own.
            return new(false, $"Discord refused the ban: the author's highest role is not below the bot's (role hierarchy). Move the bot's role above theirs in Server Settings → Roles, or ban from Discord. ({ex.Message.TrimEnd('.')})");
        }

        return new(true, request.DeleteMessageSeconds == 0
            ? "Author banned; their messages were kept."
            : $"Author banned; Discord deletes their messages from the last {Span(request.DeleteMessageSeconds)}.");
    }

    /// <summary>
    /// Pins the warning just posted. The warning is out either way, so nothing here throws: a failure (a missing
    /// PIN_MESSAGES, the 50-pin limit, a rate limit) is reported in the outcome, and pressing again would post twice.
    /// </summary>
    private async Task<string> PinWarningAsync(DiscordModerationRequest request, string? warningId, ulong permissions, CancellationToken cancellationToken)
    {
        string reason;
        if ((permissions & DiscordPermissions.PinMessages) == 0)
        {
            reason = "the bot lacks the PIN_MESSAGES (Pin Messages) permission in this channel";
        }
        else if (!DiscordOptionsValidator.IsSnowflake(warningId))
        {
            reason = "Discord did not return the warning's id";
        }
        else
        {
            try
            {
                await _rest.PinMessageAsync(request.ChannelId, warningId!, request.Reason, cancellationToken);
                return "Warning posted and pinned.";
            }
            catch (ConnectorException ex)
            {
                reason = ex.Message.TrimEnd('.');
            }
        }

        Log.WarningNotPinned(_logger, request.ChannelId, reason);
        return $"Warning posted; pinning failed ({reason}).";
    }

    private static string Span(int seconds) => seconds switch
    {
        _ when seconds % 86_400 == 0 => Plural(seconds / 86_400, "day"),
        _ when seconds % 3_600 == 0 => Plural(seconds / 3_600, "hour"),
        _ when seconds % 60 == 0 => Plural(seconds / 60, "minute"),
        _ => Plural(seconds, "second"),
    };

    private static string Plural(int n, string unit) => string.Create(CultureInfo.InvariantCulture, $"{n} {unit}{(n == 1 ? string.Empty : "s")}");

    private static JsonObject WarningBody(DiscordModerationRequest request)
    {
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

        return body;
    }

    /// <summary>
    /// The refusal, worded for the moderator, when the bot may not do this; otherwise null and the bot's permissions
    /// (in the channel, or guild-wide for the member actions) for the optional steps.
    /// </summary>
    private async Task<(string? Refusal, ulong Permissions)> CheckPermissionsAsync(DiscordModerationRequest request, string guildId, CancellationToken cancellationToken)
    {
        _botUserId ??= (string?)(await _rest.GetAsync("users/@me", cancellationToken))?["id"];
        var bot = _botUserId ?? throw new ConnectorException(ConnectorFailure.Transient, "Discord did not say who the bot is.");
        var guild = (await _rest.GetAsync($"guilds/{guildId}", cancellationToken))?.AsObject() ?? [];
        var member = await _rest.GetAsync($"guilds/{guildId}/members/{bot}", cancellationToken);
        var memberRoles = ((member?["roles"] as JsonArray) ?? []).Select(r => (string?)r).OfType<string>().ToList();
        var ownerId = (string?)guild["owner_id"];
        var basePermissions = DiscordPermissions.Base(guildId, ownerId, bot, (guild["roles"] as JsonArray) ?? [], memberRoles);
        if (request.Action is DiscordModerationAction.TimeoutAuthor or DiscordModerationAction.BanAuthor)
        {
            return (MemberActionRefusal(request.Action, request.UserId, ownerId, bot, basePermissions), basePermissions);
        }

        var channel = await _rest.GetChannelAsync(request.ChannelId, cancellationToken);
        if ((int?)channel?["type"] is 10 or 11 or 12 && (string?)channel?["parent_id"] is { } parentId)
        {
            // Threads take their permissions from the parent channel.
            channel = await _rest.GetChannelAsync(parentId, cancellationToken);
        }

        var permissions = DiscordPermissions.InChannel(basePermissions, guildId, bot, memberRoles, channel?["permission_overwrites"] as JsonArray);
        return (ChannelActionRefusal(request.Action, permissions), permissions);
    }

    /// <summary>
    /// Timeout and ban, checked against guild-level permissions (channel overwrites do not touch MODERATE_MEMBERS or
    /// BAN_MEMBERS). The owner is out of reach of both, whatever the bot's roles.
    /// </summary>
    internal static string? MemberActionRefusal(DiscordModerationAction action, string? userId, string? ownerId, string botId, ulong basePermissions) => action switch
    {
        DiscordModerationAction.TimeoutAuthor when userId == ownerId => "The server owner cannot be timed out (MODERATE_MEMBERS never applies to them).",
        DiscordModerationAction.TimeoutAuthor => Lacks(basePermissions, DiscordPermissions.ModerateMembers, "MODERATE_MEMBERS (Timeout Members)", "server"),
        DiscordModerationAction.BanAuthor when userId == ownerId => "The server owner cannot be banned (BAN_MEMBERS never applies to them).",
        DiscordModerationAction.BanAuthor when userId == botId => "The bot will not ban itself.",
        DiscordModerationAction.BanAuthor => Lacks(basePermissions, DiscordPermissions.BanMembers, "BAN_MEMBERS (Ban Members)", "server"),
        _ => null,
    };

    /// <summary>Message actions, checked against the bot's permissions in the channel (a thread's parent for a thread).</summary>
    internal static string? ChannelActionRefusal(DiscordModerationAction action, ulong permissions) =>
        Lacks(permissions, DiscordPermissions.ViewChannel, "VIEW_CHANNEL (View Channel)", "channel") ?? action switch
        {
            DiscordModerationAction.DeleteMessage => Lacks(permissions, DiscordPermissions.ManageMessages, "MANAGE_MESSAGES (Manage Messages)", "channel"),
            // Since 23 February 2026 only PIN_MESSAGES lets a bot pin; MANAGE_MESSAGES no longer does.
            DiscordModerationAction.PinMessage => Lacks(permissions, DiscordPermissions.PinMessages, "PIN_MESSAGES (Pin Messages)", "channel"),
            // PIN_MESSAGES is not required to warn: without it the warning is still posted, and the outcome says it is not pinned.
            DiscordModerationAction.PostWarning or DiscordModerationAction.PinWarning => Lacks(permissions, DiscordPermissions.SendMessages, "SEND_MESSAGES (Send Messages)", "channel"),
            _ => null,
        };

    private static string? Lacks(ulong permissions, ulong needed, string name, string scope) =>
        (permissions & needed) != 0 ? null : $"The bot lacks the {name} permission in this {scope}; grant it to the bot's role and try again.";

    private static string? Validate(DiscordModerationRequest r)
    {
        if (!DiscordOptionsValidator.IsSnowflake(r.GuildId) || !DiscordOptionsValidator.IsSnowflake(r.ChannelId))
        {
            return "Moderation works in a server channel; this message has no guild or channel id.";
        }

        return r.Action switch
        {
            DiscordModerationAction.DeleteMessage or DiscordModerationAction.PinMessage when !DiscordOptionsValidator.IsSnowflake(r.MessageId) => "Which message? The request has no message id.",
            DiscordModerationAction.TimeoutAuthor or DiscordModerationAction.BanAuthor when !DiscordOptionsValidator.IsSnowflake(r.UserId) => "Whom? The request has no author id.",
            DiscordModerationAction.BanAuthor when r.DeleteMessageSeconds is < 0 or > MaxBanDeleteMessageSeconds => "A ban deletes from 0 seconds to 7 days (604800 seconds) of the author's messages.",
            DiscordModerationAction.TimeoutAuthor when r.TimeoutMinutes is < 1 or > MaxTimeoutMinutes => "A timeout lasts from 1 minute to 28 days.",
            DiscordModerationAction.PostWarning or DiscordModerationAction.PinWarning when string.IsNullOrWhiteSpace(r.WarningText) || r.WarningText.Length > DiscordMessageSplitter.MaxLength => "The warning needs text of at most 2000 characters.",
            _ => null,
        };
    }

    private DiscordModerationResult Refuse(string action, string reason)
    {
        Log.ModerationRefused(_logger, action, reason);
        return new DiscordModerationResult(false, reason);
    }
}
