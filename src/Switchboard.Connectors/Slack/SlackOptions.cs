using System.ComponentModel.DataAnnotations;

namespace Switchboard.Connectors.Slack;

/// <summary>
/// Settings of the Slack connector. Secrets (<see cref="BotToken"/>, <see cref="SigningSecret"/>,
/// <see cref="AppToken"/>) come from user-secrets or environment variables such as
/// <c>Switchboard__Connectors__Slack__BotToken</c>, never from appsettings files.
/// </summary>
public sealed class SlackOptions
{
    public const string Section = "Switchboard:Connectors:Slack";

    /// <summary>Turns the connector on. Default false: nothing is registered and no endpoint is mapped.</summary>
    public bool Enabled { get; set; }

    /// <summary>The bot token (xoxb-…) used for every Web API call and file download. Required when enabled.</summary>
    public string? BotToken { get; set; }

    /// <summary>The app's signing secret. Required in <see cref="SlackMode.Events"/> mode: requests are never accepted unsigned.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>The app-level token (xapp-…, scope connections:write). Required in <see cref="SlackMode.Socket"/> mode.</summary>
    public string? AppToken { get; set; }

    /// <summary>Events API over HTTP or Socket Mode. Default <see cref="SlackMode.Events"/>.</summary>
    public SlackMode Mode { get; set; } = SlackMode.Events;

    /// <summary>Base URL of the Web API, ending in a slash. Default https://slack.com/api/; tests point it at a fake.</summary>
    [Required]
    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";

    /// <summary>Channel ids (C…/G…) where customers post; their messages become inbound messages. DMs to the bot always do.</summary>
    public List<string> CustomerChannels { get; set; } = [];

    /// <summary>Channel ids where review cards are posted; messages there are agents' chatter and are not ingested.</summary>
    public List<string> TeamChannels { get; set; } = [];

    /// <summary>Largest attachment download in bytes. Default 25 MiB (a long voice clip is a few MB).</summary>
    [Range(1, 1L << 30)]
    public long MaxDownloadBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>
    /// Hosts the bot token may be sent to when downloading files. Default files.slack.com; the host of
    /// <see cref="ApiBaseUrl"/> is always allowed. The token never goes anywhere else.
    /// </summary>
    public List<string> FileHosts { get; set; } = ["files.slack.com"];

    /// <summary>Longest Retry-After (seconds) waited in-process on a 429 before the call fails as rate-limited for the outbox to retry. Default 30.</summary>
    [Range(0, 3600)]
    public int MaxInlineRetryAfterSeconds { get; set; } = 30;

    /// <summary>Scales every method's paced rate (1 = Slack's documented tier rates). Default 1.</summary>
    [Range(0.01, 100)]
    public double RateLimitScale { get; set; } = 1;

    /// <summary>Socket Mode: first reconnect delay in milliseconds, doubled per consecutive failure. Default 1000.</summary>
    [Range(1, 600_000)]
    public int ReconnectBaseDelayMs { get; set; } = 1000;

    /// <summary>Socket Mode: longest reconnect delay in milliseconds. Default 60000.</summary>
    [Range(1, 3_600_000)]
    public int ReconnectMaxDelayMs { get; set; } = 60_000;

    /// <summary>Socket Mode: interval of WebSocket pings in seconds; the socket is dropped when no pong comes back within the same time. Default 5.</summary>
    [Range(1, 300)]
    public int KeepAliveSeconds { get; set; } = 5;
}
