namespace Switchboard.Connectors.Teams;

/// <summary>Who issued an inbound token, read from its (not yet validated) <c>iss</c>; each kind has its own metadata, keys and rules.</summary>
internal enum TeamsTokenIssuerKind
{
    /// <summary>The Bot Connector channel service (<c>https://api.botframework.com</c>): endorsed keys and a serviceurl claim.</summary>
    BotConnector,

    /// <summary>Entra ID (AAD) directly, as the Emulator and some Agents SDK / skill setups send: keys without endorsements, appid/azp checked.</summary>
    Entra,
}
