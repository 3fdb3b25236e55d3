using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Core.Connectors;

namespace Switchboard.Connectors.Slack;

/// <summary>
/// The Events API endpoints: <c>POST /slack/events</c>, <c>POST /slack/interactivity</c> and the slash commands' request URL
/// <c>POST /slack/commands</c>. Every request is
/// verified (signature v0 over the raw body, 5-minute window, fail closed) before anything is parsed.
/// Events are acknowledged after the sink stored the message; a failure answers 500 so Slack retries.
/// </summary>
public static class SlackEndpoints
{
    public const string EventsPath = "/slack/events";
    public const string InteractivityPath = "/slack/interactivity";
    public const string CommandsPath = "/slack/commands";
    private const int MaxBodyBytes = 1024 * 1024;

    /// <summary>
    /// Maps the Slack endpoints when the connector is enabled in <see cref="SlackMode.Events"/> mode; maps
    /// nothing otherwise (Socket Mode needs no public URL).
    /// </summary>
    public static IEndpointRouteBuilder MapSlackEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetService<IOptions<SlackOptions>>()?.Value;
        if (options is not { Enabled: true, Mode: SlackMode.Events })
        {
            return endpoints;
        }

        endpoints.MapPost(EventsPath, HandleEventsAsync).ExcludeFromDescription();
        endpoints.MapPost(InteractivityPath, HandleInteractivityAsync).ExcludeFromDescription();
        endpoints.MapPost(CommandsPath, HandleCommandAsync).ExcludeFromDescription();
        return endpoints;
    }

    internal static async Task<IResult> HandleEventsAsync(
        HttpRequest request,
        [FromServices] SlackSignatureVerifier verifier,
        [FromServices] SlackInboundProcessor processor,
        [FromServices] IInboundSink sink,
        [FromServices] SlackMetrics metrics,
        [FromServices] ILogger<SlackInboundProcessor> logger,
        CancellationToken cancellationToken)
    {
        var (body, refusal) = await ReadVerifiedAsync(request, verifier, metrics, logger, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        JsonObject? json;
        try
        {
            json = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            json = null;
        }

        if (json is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Body is not a JSON object.");
        }

        if (SlackEventMapper.Str(json, "type") == "url_verification")
        {
            return TypedResults.Text(SlackEventMapper.Str(json, "challenge") ?? string.Empty, "text/plain");
        }

        if (request.Headers["X-Slack-Retry-Num"].FirstOrDefault() is { } retry)
        {
            var reason = request.Headers["X-Slack-Retry-Reason"].FirstOrDefault() ?? "unknown";
            logger.SlackEventRetry(retry, reason);
        }

        try
        {
            await processor.ProcessAsync(json, sink, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not stored: answer 500 so Slack redelivers (its retry carries the same event_id).
            logger.SlackEventFailed(ex);
            return TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "The event could not be stored.");
        }

        return TypedResults.Ok();
    }

    internal static async Task<IResult> HandleInteractivityAsync(
        HttpRequest request,
        [FromServices] SlackSignatureVerifier verifier,
        [FromServices] SlackInteractionHandler handler,
        [FromServices] SlackInteractionQueue queue,
        [FromServices] IInboundSink sink,
        [FromServices] SlackMetrics metrics,
        [FromServices] ILogger<SlackInteractionHandler> logger,
        CancellationToken cancellationToken)
    {
        // application/x-www-form-urlencoded with a single field: payload=<url-encoded JSON>.
        var (form, refusal) = await ReadVerifiedFormAsync(request, verifier, metrics, logger, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        JsonObject? payload = null;
        if (form.TryGetValue("payload", out var raw) && raw.FirstOrDefault() is { } json)
        {
            try
            {
                payload = JsonNode.Parse(json) as JsonObject;
            }
            catch (JsonException)
            {
                payload = null;
            }
        }

        if (payload is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No interaction payload.");
        }

        JsonObject? response;
        try
        {
            if (SlackInteractionHandler.IsBlockActions(payload))
            {
                // Edit's modal must open now (3-second trigger_id); the actions themselves run after the ack.
                await handler.OpenModalsAsync(payload, cancellationToken);
                return queue.TryEnqueue(payload)
                    ? TypedResults.Ok()
                    : TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Too many actions waiting; try again.");
            }

            response = await handler.HandleAsync(payload, sink, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.SlackInteractionFailed(ex);
            return TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "The action could not be handled.");
        }

        return response is null ? TypedResults.Ok() : TypedResults.Text(response.ToJsonString(), "application/json");
    }

    /// <summary>A slash command: form-encoded, signed like every Slack request, answered with an ephemeral message.</summary>
    internal static async Task<IResult> HandleCommandAsync(
        HttpRequest request,
        [FromServices] SlackSignatureVerifier verifier,
        [FromServices] SlackCommandHandler handler,
        [FromServices] SlackMetrics metrics,
        [FromServices] ILogger<SlackCommandHandler> logger,
        CancellationToken cancellationToken)
    {
        var (form, refusal) = await ReadVerifiedFormAsync(request, verifier, metrics, logger, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var fields = form.ToDictionary(kv => kv.Key, kv => (string?)kv.Value.FirstOrDefault(), StringComparer.Ordinal);
        try
        {
            var response = await handler.HandleAsync(fields, cancellationToken);
            return TypedResults.Text(response.ToJsonString(), "application/json");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.SlackCommandFailed(ex);
            return TypedResults.Text(new JsonObject { ["response_type"] = "ephemeral", ["text"] = "Switchboard could not run that command; try again." }.ToJsonString(), "application/json");
        }
    }

    /// <summary>A verified form-encoded request (interactivity, slash commands), parsed.</summary>
    private static async Task<(Dictionary<string, Microsoft.Extensions.Primitives.StringValues> Form, IResult? Refusal)> ReadVerifiedFormAsync(
        HttpRequest request, SlackSignatureVerifier verifier, SlackMetrics metrics, ILogger logger, CancellationToken cancellationToken)
    {
        var (body, refusal) = await ReadVerifiedAsync(request, verifier, metrics, logger, cancellationToken);
        return (refusal is null ? QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)) : [], refusal);
    }

    private static async Task<(byte[] Body, IResult? Refusal)> ReadVerifiedAsync(
        HttpRequest request, SlackSignatureVerifier verifier, SlackMetrics metrics, ILogger logger, CancellationToken cancellationToken)
    {
        if (await BoundedBody.ReadAsync(request.Body, request.ContentLength, MaxBodyBytes, cancellationToken) is not { } body)
        {
            return ([], TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Body too large."));
        }

        var result = verifier.Verify(
            request.Headers["X-Slack-Request-Timestamp"].FirstOrDefault(),
            request.Headers["X-Slack-Signature"].FirstOrDefault(),
            body);
        if (result == SlackSignatureResult.Valid)
        {
            return (body, null);
        }

        var reason = result.ToString();
        logger.SlackSignatureRejected(reason);
        metrics.Inbound("http", "refused_" + reason.ToLowerInvariant());
        return ([], TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Slack signature check failed."));
    }
}
