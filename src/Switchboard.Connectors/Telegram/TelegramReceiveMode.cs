namespace Switchboard.Connectors.Telegram;

/// <summary>How the connector receives updates from Telegram.</summary>
public enum TelegramReceiveMode
{
    /// <summary>Long polling with getUpdates (default; needs no public endpoint).</summary>
    Polling,

    /// <summary>Telegram POSTs updates to <see cref="TelegramOptions.WebhookUrl"/>; the host maps the endpoint with MapTelegramWebhook.</summary>
    Webhook,
}
