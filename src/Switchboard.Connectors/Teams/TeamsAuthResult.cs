namespace Switchboard.Connectors.Teams;

/// <summary>
/// Outcome of authenticating one inbound activity; <see cref="Failure"/> names the failed check and
/// <see cref="Issuer"/> the issuer kind the token was routed to (null before routing). Never the token or its claims.
/// </summary>
internal sealed record TeamsAuthResult(bool Valid, string? Failure, TeamsTokenIssuerKind? Issuer = null)
{
    public static TeamsAuthResult Succeeded(TeamsTokenIssuerKind issuer) => new(true, null, issuer);

    public static TeamsAuthResult Fail(string failure, TeamsTokenIssuerKind? issuer = null) => new(false, failure, issuer);

    /// <summary>The issuer kind for logs and metrics: the routed kind, or "unrouted".</summary>
    public string IssuerLabel => Issuer switch
    {
        TeamsTokenIssuerKind.BotConnector => "bot_connector",
        TeamsTokenIssuerKind.Entra => "entra",
        _ => "unrouted",
    };
}
