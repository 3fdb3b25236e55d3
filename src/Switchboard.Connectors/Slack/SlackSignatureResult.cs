namespace Switchboard.Connectors.Slack;

internal enum SlackSignatureResult
{
    Valid,
    NoSecret,
    Missing,
    Stale,
    Invalid,
}
