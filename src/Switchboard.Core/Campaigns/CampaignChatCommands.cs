using System.Text.Json;
using Microsoft.Extensions.Logging;
using Switchboard.Core.Connectors;
using Switchboard.Core.Governance;
using Switchboard.Core.Governance.Audit;
using Switchboard.Core.Storage;

namespace Switchboard.Core.Campaigns;

/// <summary>
/// The front door the platform connectors share for <c>/campaign</c> and <c>/staffing</c>: the issuer becomes the reviewer
/// <c>{connector}:{user id}</c> (as in Switchboard:Governance:Members), starting a launch run needs the <c>campaign</c>
/// permission (config/roles.yaml, role campaign_ops), and the answer card goes to the channel through the outbox.
/// Refusals are explained to the issuer, logged, and appended to the hash-chained audit log as
/// <c>campaign.command.refused</c> (commands belong to no case, so the entry has none).
/// Connectors decide first that the channel is a team channel: a customer typing /campaign is a customer message.
/// </summary>
/// <param name="authorizer">Null (governance not registered) refuses every command that needs a permission: fail closed.</param>
/// <param name="audit">Where refusals are recorded; null only where no storage is registered (some tests).</param>
public sealed class CampaignChatCommands(
    CampaignCommands commands,
    ILogger<CampaignChatCommands> logger,
    ActionAuthorizer? authorizer = null,
    ActorDirectory? actors = null,
    IAuditLogStore? audit = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The command names connectors register (Slack slash commands, Discord application commands, Telegram setMyCommands).</summary>
    public static readonly IReadOnlyList<(string Name, string Description)> Definitions =
    [
        ("campaign", "Campaign factsheet, launch run and status: factsheet|start|status|report NAME, or list"),
        ("staffing", "Staffing math: --messages N --handle-minutes M --buffer B --productive-hours H"),
    ];

    /// <summary>True for text that is a campaign or staffing command (after <see cref="Normalize"/>).</summary>
    public static bool IsCommand(string? text) => text is not null && CampaignCommands.IsCommand(text);

    /// <summary>
    /// Drops a leading bot mention and a Telegram <c>@BotName</c> suffix: <c>/campaign@SwitchboardBot status x</c> becomes
    /// <c>/campaign status x</c>.
    /// </summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (!trimmed.StartsWith('/'))
        {
            return trimmed;
        }

        var end = trimmed.IndexOfAny([' ', '\n', '\t']);
        var head = end < 0 ? trimmed : trimmed[..end];
        var at = head.IndexOf('@', StringComparison.Ordinal);
        return at < 0 ? trimmed : head[..at] + (end < 0 ? string.Empty : trimmed[end..]);
    }

    /// <summary>
    /// Runs a command typed in a team channel and queues its answer card there; the reply text is for the issuer. When
    /// <see cref="CampaignCommandReply.Ok"/> is false nothing was queued: show the text to the issuer.
    /// </summary>
    public async Task<CampaignCommandReply> RunAsync(string connector, string userId, string text, ChannelAddress channel, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connector);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentNullException.ThrowIfNull(channel);
        var normalized = Normalize(text);
        var reviewer = $"{connector}:{userId}";
        var name = CommandName(normalized);
        if (RequiredPermission(normalized) is { } permission)
        {
            var result = authorizer is null || actors is null
                ? AuthorizationResult.Refuse("permissions are not configured on this host", "no-governance")
                : authorizer.Authorize(actors.For(reviewer), new AuthorizationRequest(permission));
            if (!result.Allowed)
            {
                var reason = result.Refusal ?? "not allowed";
                Log.CommandRefused(logger, name, connector, reason);
                if (audit is not null)
                {
                    // The command's name and the refusal only: arguments are never copied into logs or the audit trail.
                    var after = JsonSerializer.Serialize(new { command = name, connector, permission, refusal = reason }, Json);
                    await audit.AppendAsync(new AuditEntryDraft(reviewer, "campaign.command.refused", null, null, after, result.Rule), cancellationToken);
                }

                return new CampaignCommandReply(false, $"Not allowed: {reason}.", null);
            }
        }

        // A failed command is answered to the issuer alone; only answers go to the channel.
        var reply = await commands.PostReplyAsync(new CampaignCommand(normalized, reviewer, channel), postFailures: false, cancellationToken);
        Log.CommandHandled(logger, name, connector, reply.Ok);
        return reply;
    }

    /// <summary>The permission a command needs: starting a launch run posts to the team and sets reminders going; reading is free.</summary>
    public static string? RequiredPermission(string text)
    {
        var words = Normalize(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length >= 2 && words[0].Equals("/campaign", StringComparison.OrdinalIgnoreCase) && words[1].Equals("start", StringComparison.OrdinalIgnoreCase)
            ? Permissions.Campaign
            : null;
    }

    /// <summary>"campaign start", "staffing": what the logs may say about a command (never its arguments).</summary>
    private static string CommandName(string text)
    {
        var words = text.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
        var verb = words.Length > 0 ? words[0].TrimStart('/').ToLowerInvariant() : string.Empty;
        return verb == "campaign" && words.Length > 1 && words[1].All(char.IsAsciiLetter) ? $"campaign {words[1].ToLowerInvariant()}" : verb;
    }
}
