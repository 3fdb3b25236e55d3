using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switchboard.Tests;

namespace Switchboard.IntegrationTests.Connectors.Teams;

/// <summary>
/// The Bot Framework's identity side on Kestrel at 127.0.0.1: OpenID metadata and JWKS (keys with endorsements),
/// the client-credentials token endpoint the bot calls for outbound tokens, and /channel-token, where the JS peer
/// (the channel) gets the token it sends with each activity. Beside it, Entra ID's side: its own OpenID metadata and
/// JWKS (one key, no endorsements) under /common, as login.microsoftonline.com serves them.
/// </summary>
internal sealed class TeamsLoopbackIssuer : IAsyncDisposable
{
    public const string AppPassword = "loopback-secret";
    private readonly WebApplication _app;

    private TeamsLoopbackIssuer(WebApplication app, Uri baseUrl, TeamsTestTokens tokens, TeamsEntraTestTokens entraTokens)
    {
        _app = app;
        BaseUrl = baseUrl;
        Tokens = tokens;
        EntraTokens = entraTokens;
    }

    /// <summary>Base URL without a trailing slash.</summary>
    public Uri BaseUrl { get; }

    public string Base => BaseUrl.ToString().TrimEnd('/');

    public string MetadataUrl => Base + "/v1/.well-known/openidconfiguration";

    public string TokenEndpoint => Base + "/botframework.com/oauth2/v2.0/token";

    public string EntraMetadataUrl => Base + "/common/v2.0/.well-known/openid-configuration";

    public TeamsTestTokens Tokens { get; }

    public TeamsEntraTestTokens EntraTokens { get; }

    /// <summary>The form bodies of token requests the bot made.</summary>
    public ConcurrentQueue<Dictionary<string, string>> TokenRequests { get; } = new();

    public static async Task<TeamsLoopbackIssuer> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var tokens = new TeamsTestTokens();
        var entraTokens = new TeamsEntraTestTokens();
        TeamsLoopbackIssuer? issuer = null;
        app.MapGet("/common/v2.0/.well-known/openid-configuration", () => Results.Text(TeamsEntraTestTokens.MetadataJson(issuer!.Base + "/common/discovery/v2.0/keys"), "application/json"));
        app.MapGet("/common/discovery/v2.0/keys", () => Results.Text(entraTokens.JwksJson(), "application/json"));
        app.MapGet("/v1/.well-known/openidconfiguration", () => Results.Text(TeamsTestTokens.MetadataJson(issuer!.Base + "/keys"), "application/json"));
        app.MapGet("/keys", () => Results.Text(tokens.JwksJson(), "application/json"));
        app.MapPost("/botframework.com/oauth2/v2.0/token", async (HttpRequest request) =>
        {
            var form = (await request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString());
            issuer!.TokenRequests.Enqueue(form);
            if (form.GetValueOrDefault("grant_type") != "client_credentials"
                || form.GetValueOrDefault("client_id") != TeamsTestTokens.AppId
                || form.GetValueOrDefault("client_secret") != AppPassword)
            {
                return Results.Text("""{"error":"invalid_client"}""", "application/json", statusCode: 401);
            }

            var token = tokens.MintOutbound(TeamsTestTokens.AppId, issuer.Base + "/botframework.com/", TimeProvider.System.GetUtcNow());
            return Results.Text(new JsonObject { ["token_type"] = "Bearer", ["expires_in"] = 3599, ["access_token"] = token }.ToJsonString(), "application/json");
        });
        app.MapPost("/channel-token", async (HttpRequest request) =>
        {
            var body = (await JsonNode.ParseAsync(request.Body))!.AsObject();
            var kind = Enum.Parse<TeamsTokenKind>((string)body["kind"]!);
            var token = tokens.Mint(kind, (string)body["serviceUrl"]!, TimeProvider.System.GetUtcNow());
            return Results.Text(new JsonObject { ["token"] = token }.ToJsonString(), "application/json");
        });
        await app.StartAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.First()
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        issuer = new TeamsLoopbackIssuer(app, new Uri(address.TrimEnd('/') + "/"), tokens, entraTokens);
        return issuer;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        await _app.DisposeAsync();
        Tokens.Dispose();
        EntraTokens.Dispose();
    }
}
