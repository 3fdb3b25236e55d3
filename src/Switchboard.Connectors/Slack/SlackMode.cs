namespace Switchboard.Connectors.Slack;

/// <summary>How Slack delivers events to the bot.</summary>
public enum SlackMode
{
    /// <summary>Slack POSTs signed requests to /slack/events and /slack/interactivity (needs a public URL).</summary>
    Events,

    /// <summary>The bot opens a WebSocket with the app-level token (installs without a public URL).</summary>
    Socket,
}
