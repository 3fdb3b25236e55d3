using System.ComponentModel.DataAnnotations;

namespace Switchboard.Connectors.Discord;

/// <summary>The Discord connector: a Gateway v10 bot that reads support channels and DMs, and posts review cards to mod channels.</summary>
public sealed class DiscordOptions
{
    public const string Section = "Switchboard:Connectors:Discord";

    /// <summary>Run the connector (default false). When true, <see cref="BotToken"/> is required: start-up fails without it.</summary>
    public bool Enabled { get; set; }

    /// <summary>The bot token from the Developer Portal. Never put it in appsettings: use Switchboard__Connectors__Discord__BotToken.</summary>
    public string? BotToken { get; set; }

    /// <summary>REST base address (default https://discord.com/api/v10/); tests point it at a fake.</summary>
    [Required]
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10/";

    /// <summary>Gateway address used for a fresh session (default wss://gateway.discord.gg/); "?v=10&amp;encoding=json" is appended.</summary>
    [Required]
    public string GatewayUrl { get; set; } = "wss://gateway.discord.gg/";

    /// <summary>
    /// Customer-facing channel ids whose messages (and the threads inside them) become cases. DMs to the bot
    /// always do. Empty (the default) means every guild channel the bot can read.
    /// </summary>
    public List<string> CustomerChannels { get; set; } = [];

    /// <summary>Mod channels where review cards are posted (informational: the cards go where Switchboard:Routing:Teams says). Messages there never become cases.</summary>
    public List<string> TeamChannels { get; set; } = [];

    /// <summary>
    /// Register the /campaign and /staffing application commands at start (bulk overwrite; needs <see cref="ApplicationId"/> and the
    /// applications.commands scope in the invite URL). Default false: register them once by hand or with another deploy.
    /// </summary>
    public bool RegisterCommands { get; set; }

    /// <summary>The application id (a snowflake) the commands are registered for. Required when <see cref="RegisterCommands"/> is true.</summary>
    public string? ApplicationId { get; set; }

    /// <summary>
    /// Guild to register the commands in (guild commands update at once). Default null: global commands, which every guild
    /// the app is in gets. Either way only <see cref="TeamChannels"/> accept them.
    /// </summary>
    public string? CommandGuildId { get; set; }

    /// <summary>Largest attachment (voice message) downloaded for transcription. Default 25 MiB, Discord's upload cap.</summary>
    [Range(1, 500L * 1024 * 1024)]
    public long MaxDownloadBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>
    /// Gateway intents bit field. Default 37376 = GUILD_MESSAGES (1&lt;&lt;9) | DIRECT_MESSAGES (1&lt;&lt;12) | MESSAGE_CONTENT (1&lt;&lt;15,
    /// privileged: enable it in the Developer Portal or the gateway closes with 4014).
    /// </summary>
    [Range(1, int.MaxValue)]
    public int Intents { get; set; } = DiscordIntents.Default;

    /// <summary>Seconds between two IDENTIFY calls (Discord allows max_concurrency per 5 s; default 5.5 for margin).</summary>
    [Range(0, 60)]
    public double IdentifyIntervalSeconds { get; set; } = 5.5;

    /// <summary>Gateway sends allowed per 60 s (Discord disconnects past 120; default 110 keeps room for heartbeats).</summary>
    [Range(1, 120)]
    public int GatewaySendsPerMinute { get; set; } = 110;

    /// <summary>
    /// How much of a banned author's recent history Discord deletes with a Ban author press (delete_message_seconds on
    /// PUT /guilds/{guild.id}/bans/{user.id}), 0 to 604800 (7 days). Default 0: keep the history, so the case's evidence stays.
    /// </summary>
    [Range(0, DiscordModerationService.MaxBanDeleteMessageSeconds)]
    public int BanDeleteMessageSeconds { get; set; }

    /// <summary>Longest wait between reconnect attempts, in seconds (backoff doubles from 1 s). Default 60.</summary>
    [Range(1, 600)]
    public int MaxReconnectDelaySeconds { get; set; } = 60;
}
