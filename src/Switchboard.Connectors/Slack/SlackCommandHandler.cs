using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Core.Campaigns;
using Switchboard.Core.Connectors;

namespace Switchboard.Connectors.Slack;

/// <summary>
/// The slash commands <c>/campaign</c> and <c>/staffing</c>, from the request URL (<see cref="SlackEndpoints.CommandsPath"/>)
/// or a Socket Mode <c>slash_commands</c> envelope; both carry the same fields (command, text, user_id, channel_id,
/// response_url, trigger_id). Only team channels take commands. The answer card is queued for the channel through
/// the outbox; the returned ephemeral message is the acknowledgement, well inside Slack's 3 seconds because the
/// work before it is one local SQLite transaction.
/// </summary>
/// <param name="commands">Null when campaigns are not registered on this host: every command is answered with that.</param>
internal sealed class SlackCommandHandler(IOptions<SlackOptions> options, ILogger<SlackCommandHandler> logger, CampaignChatCommands? commands = null)
{
    public async Task<JsonObject> HandleAsync(IReadOnlyDictionary<string, string?> fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var command = fields.GetValueOrDefault("command") ?? string.Empty;
        var channel = fields.GetValueOrDefault("channel_id") ?? string.Empty;
        var user = fields.GetValueOrDefault("user_id") ?? string.Empty;
        var text = $"{command} {fields.GetValueOrDefault("text")}".Trim();
        if (commands is null)
        {
            return Ephemeral("Campaign commands are not enabled on this Switchboard.");
        }

        if (!CampaignChatCommands.IsCommand(text) || user.Length == 0)
        {
            return Ephemeral(CampaignCommands.Usage);
        }

        if (!options.Value.TeamChannels.Contains(channel, StringComparer.Ordinal))
        {
            logger.SlackCommandOutsideTeamChannel(command);
            return Ephemeral("Campaign commands work in Switchboard's team channels only; run it there.");
        }

        var reply = await commands.RunAsync(SlackEventMapper.ConnectorName, user, text, new ChannelAddress(SlackEventMapper.ConnectorName, channel), cancellationToken);
        return Ephemeral(reply.Ok ? $"{Headline(reply.Text)} (the card is on its way to this channel)" : reply.Text);
    }

    /// <summary>The fields of a Socket Mode slash_commands payload (a JSON object of strings).</summary>
    public static Dictionary<string, string?> Fields(JsonObject payload) =>
        payload.Where(kv => kv.Value is JsonValue).ToDictionary(kv => kv.Key, kv => (string?)kv.Value!.ToString(), StringComparer.Ordinal);

    private static string Headline(string text) => text.Length > 300 ? text[..300] + "…" : text;

    // Slack shows an ephemeral response only to the person who ran the command.
    private static JsonObject Ephemeral(string text) => new() { ["response_type"] = "ephemeral", ["text"] = text };
}
