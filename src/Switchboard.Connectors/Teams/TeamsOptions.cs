using System.ComponentModel.DataAnnotations;

namespace Switchboard.Connectors.Teams;

/// <summary>
/// Settings of the Microsoft Teams connector (Bot Framework activity protocol). The secret
/// <see cref="AppPassword"/> comes from user-secrets or the environment
/// (<c>Switchboard__Connectors__Teams__AppPassword</c>), never from appsettings files.
/// </summary>
public sealed class TeamsOptions
{
    public const string Section = "Switchboard:Connectors:Teams";

    /// <summary>Turns the connector on. Default false: nothing is registered and no endpoint is mapped.</summary>
    public bool Enabled { get; set; }

    /// <summary>The bot's Microsoft App ID (Entra app registration client id). Inbound tokens must carry it as audience. Required unless <see cref="DevelopmentModeWithoutAuth"/>.</summary>
    public string? AppId { get; set; }

    /// <summary>The app's client secret, used to get outbound tokens (client credentials). Required with <see cref="AppId"/>.</summary>
    public string? AppPassword { get; set; }

    /// <summary>The Entra tenant id of a single-tenant bot: outbound tokens come from that tenant, and (with <see cref="AcceptEntraTokens"/>) Entra tokens issued by that tenant are accepted; give the GUID, as token issuers carry it. Default none (multi-tenant: botframework.com).</summary>
    public string? TenantId { get; set; }

    /// <summary>OpenID metadata of the Bot Framework channel service; its jwks_uri lists the signing keys. Default https://login.botframework.com/v1/.well-known/openidconfiguration.</summary>
    [Required]
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Issuers of Bot Connector channel tokens (validated against <see cref="OpenIdMetadataUrl"/>'s keys, endorsements and serviceurl). Default ["https://api.botframework.com"].</summary>
    public List<string> ValidIssuers { get; set; } = ["https://api.botframework.com"];

    /// <summary>
    /// Also accept tokens issued by Entra ID directly (the Bot Framework Emulator with an app id, some Agents SDK /
    /// skill setups): issuers <c>https://sts.windows.net/{tid}/</c> and <c>https://login.microsoftonline.com/{tid}/v2.0</c>
    /// for the Bot Framework tenants and <see cref="TenantId"/>, keys from <see cref="EntraOpenIdMetadataUrl"/>, and the
    /// app id in <c>appid</c> (token version 1.0) or <c>azp</c> (2.0). Default true; false accepts Bot Connector tokens only.
    /// </summary>
    public bool AcceptEntraTokens { get; set; } = true;

    /// <summary>OpenID metadata of Entra ID for those tokens; its jwks_uri lists their signing keys (no endorsements). Default https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration.</summary>
    [Required]
    public string EntraOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>Token endpoint for outbound tokens. Default none: https://login.microsoftonline.com/{TenantId or botframework.com}/oauth2/v2.0/token.</summary>
    public string? TokenEndpoint { get; set; }

    /// <summary>Scope requested for outbound tokens. Default https://api.botframework.com/.default.</summary>
    [Required]
    public string TokenScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>
    /// Development only: accept unauthenticated activities, from loopback addresses only, and call the
    /// serviceUrl without a token (Bot Framework Emulator without an app id). Only valid when <see cref="AppId"/> is empty. Default false.
    /// </summary>
    public bool DevelopmentModeWithoutAuth { get; set; }

    /// <summary>Review channel aliases used in config/teams.yaml (alias → Teams conversation id, e.g. "19:…@thread.tacv2"). Default none: channel ids are conversation ids.</summary>
    public Dictionary<string, string> ChannelAliases { get; set; } = [];

    /// <summary>Least time between two signing-key refreshes caused by an unknown key id, in seconds. Default 300.</summary>
    [Range(1, 86_400)]
    public int KeyRefreshMinIntervalSeconds { get; set; } = 300;

    /// <summary>Age after which signing keys are fetched again even when every key id is known, in hours. Default 24.</summary>
    [Range(1, 720)]
    public int KeyCacheHours { get; set; } = 24;

    /// <summary>Clock skew allowed on token lifetimes, in seconds. Default 300 (the Bot Framework's 5 minutes).</summary>
    [Range(0, 900)]
    public int ClockSkewSeconds { get; set; } = 300;

    /// <summary>Largest accepted activity body in bytes. Default 1 MiB.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxActivityBytes { get; set; } = 1024 * 1024;
}
