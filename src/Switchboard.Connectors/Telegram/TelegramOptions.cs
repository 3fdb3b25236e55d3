using System.ComponentModel.DataAnnotations;

namespace Switchboard.Connectors.Telegram;

/// <summary>
/// Settings of the Telegram connector (section <c>Switchboard:Connectors:Telegram</c>). The bot token and the
/// webhook secret are secrets: set them through user-secrets or environment variables
/// (<c>Switchboard__Connectors__Telegram__BotToken</c>), never in appsettings files.
/// </summary>
public sealed class TelegramOptions
{
    public const string Section = "Switchboard:Connectors:Telegram";

    /// <summary>Turns the connector on. Default false: nothing is registered and no endpoint answers.</summary>
    public bool Enabled { get; set; }

    /// <summary>The token BotFather gave (<c>123456:ABC-DEF…</c>). Required when enabled. Never logged.</summary>
    public string? BotToken { get; set; }

    /// <summary>Polling (default) or webhook.</summary>
    public TelegramReceiveMode Mode { get; set; } = TelegramReceiveMode.Polling;

    /// <summary>
    /// Bot API base URL. Default <c>https://api.telegram.org</c>; a local Bot API server or an emulator can stand in.
    /// Plain http is allowed only for loopback hosts, so the token never crosses a network unencrypted.
    /// </summary>
    [Required]
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";

    /// <summary>Public HTTPS URL Telegram POSTs to in webhook mode (port 443, 80, 88 or 8443). Required in webhook mode.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>
    /// Secret Telegram echoes in <c>X-Telegram-Bot-Api-Secret-Token</c>: 1–256 of <c>A-Z a-z 0-9 _ -</c>.
    /// Required in webhook mode; without it startup fails.
    /// </summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Group and supergroup chat ids whose messages are customer traffic. Private chats with the bot always are. Default empty.</summary>
    public List<string> CustomerChats { get; set; } = [];

    /// <summary>Group chat ids where review cards are posted and reviewers press buttons. Default empty.</summary>
    public List<string> TeamChats { get; set; } = [];

    /// <summary>Largest attachment the connector downloads. Default 20 MB, the cloud Bot API's getFile limit.</summary>
    [Range(1, 2_000L * 1024 * 1024)]
    public long MaxDownloadBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>getUpdates long-poll timeout in seconds (Telegram caps it at 50). Default 30.</summary>
    [Range(0, 50)]
    public int PollTimeoutSeconds { get; set; } = 30;

    /// <summary>Timeout of every other Bot API call in seconds. Default 30.</summary>
    [Range(1, 300)]
    public int RequestTimeoutSeconds { get; set; } = 30;

    /// <summary>Messages into one chat per second. Default 1 (Bot FAQ).</summary>
    [Range(0.01, 1000)]
    public double PerChatMessagesPerSecond { get; set; } = 1;

    /// <summary>Messages into one group per minute. Default 20 (Bot FAQ).</summary>
    [Range(1, 60_000)]
    public int PerGroupMessagesPerMinute { get; set; } = 20;

    /// <summary>Messages across all chats per second. Default 30 (Bot FAQ).</summary>
    [Range(1, 1000)]
    public int GlobalMessagesPerSecond { get; set; } = 30;

    /// <summary>
    /// How long a card action may run before the button press is answered with "working on it" so the
    /// reviewer's client stops spinning. Default 5 s, well inside Telegram's callback deadline.
    /// </summary>
    [Range(1, 15)]
    public int CallbackAnswerSeconds { get; set; } = 5;

    /// <summary>How long a pending Edit waits for the reviewer's force-reply. Default 15 minutes.</summary>
    [Range(1, 24 * 60)]
    public int EditReplyWindowMinutes { get; set; } = 15;

    /// <summary>File the default offset store keeps the next getUpdates offset in. Default <c>data-local/telegram-offset</c>.</summary>
    [Required]
    public string OffsetFile { get; set; } = "data-local/telegram-offset";
}
