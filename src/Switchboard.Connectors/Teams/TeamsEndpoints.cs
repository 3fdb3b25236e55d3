using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Core.Connectors;

namespace Switchboard.Connectors.Teams;

/// <summary>
/// <c>POST /api/messages</c>, the Bot Framework messaging endpoint. Every activity is authenticated before it
/// is acted on (fail closed: anything short of a valid Bot Connector or Entra token is 401); only the named development mode
/// skips that, and then only for loopback callers. Invoke responses go back in the HTTP response body.
/// </summary>
public static class TeamsEndpoints
{
    public const string MessagesPath = "/api/messages";

    /// <summary>Maps the messaging endpoint when the Teams connector is enabled; maps nothing otherwise.</summary>
    public static IEndpointRouteBuilder MapTeamsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetService<IOptions<TeamsOptions>>()?.Value;
        if (options is not { Enabled: true })
        {
            return endpoints;
        }

        endpoints.MapPost(MessagesPath, HandleMessagesAsync).ExcludeFromDescription();
        return endpoints;
    }

    internal static async Task<IResult> HandleMessagesAsync(
        HttpContext context,
        [FromServices] TeamsRequestAuthenticator authenticator,
        [FromServices] TeamsActivityHandler handler,
        [FromServices] IInboundSink sink,
        [FromServices] IOptions<TeamsOptions> options,
        [FromServices] TeamsMetrics metrics,
        [FromServices] ILogger<TeamsActivityHandler> logger,
        CancellationToken cancellationToken)
    {
        var request = context.Request;
        // Refused while reading, not after: a chunked body has no Content-Length to check first.
        if (await BoundedBody.ReadAsync(request.Body, request.ContentLength, options.Value.MaxActivityBytes, cancellationToken) is not { } body)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Activity too large.");
        }

        JsonObject? activity;
        try
        {
            activity = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            activity = null;
        }

        var type = activity is null ? "unreadable" : KnownType(TeamsActivityHandler.Str(activity, "type"));
        var authorization = request.Headers.Authorization.FirstOrDefault();
        if (options.Value.DevelopmentModeWithoutAuth)
        {
            // A reverse proxy on the same machine makes public callers look like loopback: forwarded requests are refused.
            if (context.Connection.RemoteIpAddress is not { } ip || !IPAddress.IsLoopback(ip)
                || request.Headers.ContainsKey("X-Forwarded-For") || request.Headers.ContainsKey("Forwarded"))
            {
                logger.TeamsAuthRejected("none", "development_mode_not_loopback");
                metrics.Inbound(type, "refused_not_loopback");
                return Unauthorized();
            }
        }
        else
        {
            TeamsAuthResult auth;
            try
            {
                auth = await authenticator.AuthenticateAsync(
                    authorization,
                    activity is null ? null : TeamsActivityHandler.Str(activity, "channelId"),
                    activity is null ? null : TeamsActivityHandler.Str(activity, "serviceUrl"),
                    cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException or JsonException or InvalidOperationException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Keys unavailable: nothing can be verified, so nothing is accepted; 503 lets the channel retry.
                logger.TeamsKeysUnavailable(ex);
                metrics.Inbound(type, "keys_unavailable");
                return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Signing keys unavailable.");
            }

            if (!auth.Valid)
            {
                logger.TeamsAuthRejected(auth.IssuerLabel, auth.Failure ?? "unknown");
                metrics.Inbound(type, "refused_" + (auth.Failure ?? "unknown"));
                return Unauthorized();
            }
        }

        if (activity is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Body is not an activity.");
        }

        TeamsInvokeResponse response;
        try
        {
            response = await handler.HandleAsync(activity, sink, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.TeamsActivityFailed(ex);
            metrics.Inbound(type, "failed");
            return TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "The activity could not be handled.");
        }

        metrics.Inbound(type, "handled");
        return response.Body is null
            ? TypedResults.StatusCode(response.HttpStatus)
            : TypedResults.Text(response.Body.ToJsonString(), "application/json", statusCode: response.HttpStatus);
    }

    /// <summary>Metric tags come from a fixed set, so a caller cannot create unbounded tag values.</summary>
    private static string KnownType(string? type) =>
        type is "message" or "invoke" or "conversationUpdate" or "installationUpdate" or "messageReaction" or "messageUpdate" or "messageDelete" or "typing" or "event"
            ? type
            : "other";

    private static IResult Unauthorized() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Bot Framework authentication failed.");
}
