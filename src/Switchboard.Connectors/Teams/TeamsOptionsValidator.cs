using System.Net;
using Microsoft.Extensions.Options;

namespace Switchboard.Connectors.Teams;

/// <summary>Cross-field rules for <see cref="TeamsOptions"/>, reported all at once. Fails closed: no app id means no start, unless the loopback-only development mode is asked for by name.</summary>
internal sealed class TeamsOptionsValidator : IValidateOptions<TeamsOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        var hasAppId = !string.IsNullOrWhiteSpace(options.AppId);
        if (options.DevelopmentModeWithoutAuth && hasAppId)
        {
            errors.Add("Teams DevelopmentModeWithoutAuth is only valid without an AppId: with an AppId every request is authenticated.");
        }

        if (!options.DevelopmentModeWithoutAuth)
        {
            if (!hasAppId)
            {
                errors.Add("Teams AppId is required when the Teams connector is enabled (or set DevelopmentModeWithoutAuth for loopback-only development).");
            }

            if (string.IsNullOrWhiteSpace(options.AppPassword))
            {
                errors.Add("Teams AppPassword is required when the Teams connector is enabled (set it through the environment or user-secrets).");
            }

            if (options.ValidIssuers.Count == 0 || options.ValidIssuers.Any(string.IsNullOrWhiteSpace))
            {
                errors.Add("Teams ValidIssuers must list at least one issuer and no empty ones.");
            }

            // The issuer picks the validation path; an Entra issuer listed here would be checked against the channel keys instead.
            var entra = TeamsRequestAuthenticator.EntraIssuers(options.TenantId).ToHashSet(StringComparer.Ordinal);
            if (options.ValidIssuers.Any(entra.Contains))
            {
                errors.Add("Teams ValidIssuers must not list Entra issuers (sts.windows.net, login.microsoftonline.com): set AcceptEntraTokens instead.");
            }
        }

        CheckUrl(options.OpenIdMetadataUrl, "OpenIdMetadataUrl", errors);
        if (options.AcceptEntraTokens)
        {
            CheckUrl(options.EntraOpenIdMetadataUrl, "EntraOpenIdMetadataUrl", errors);
        }

        if (options.TokenEndpoint is not null)
        {
            CheckUrl(options.TokenEndpoint, "TokenEndpoint", errors);
        }

        if (options.TenantId is { } tenant && (tenant.Length == 0 || tenant.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '.'))))
        {
            errors.Add("Teams TenantId must be a tenant id (GUID) or domain.");
        }

        foreach (var (alias, conversationId) in options.ChannelAliases)
        {
            if (string.IsNullOrWhiteSpace(conversationId))
            {
                errors.Add($"Teams ChannelAliases:{alias} has no conversation id.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Keys and tokens travel over https; plain http is allowed to loopback only (tests, local emulators).</summary>
    internal static bool IsAllowedUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url)
        && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && IsLoopback(url)));

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    private static void CheckUrl(string? value, string key, List<string> errors)
    {
        if (!IsAllowedUrl(value))
        {
            errors.Add($"Teams {key} must be an absolute https URL (http only to a loopback address).");
        }
    }
}
