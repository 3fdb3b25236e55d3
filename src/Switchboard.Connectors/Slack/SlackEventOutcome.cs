namespace Switchboard.Connectors.Slack;

internal enum SlackEventOutcome
{
    Stored,
    Duplicate,
    Ignored,
}
