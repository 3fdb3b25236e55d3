using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Connectors.Telegram.Api;
using Switchboard.Core.Connectors;

namespace Switchboard.Connectors.Telegram;

/// <summary>The webhook endpoint Telegram POSTs updates to in webhook mode.</summary>
public static class TelegramWebhookEndpoints
{
    public const string DefaultPattern = "/telegram/webhook";

    // Updates are a few kilobytes; anything far larger is not from Telegram.
    private const long MaxBodyBytes = 1024 * 1024;

    /// <summary>
    /// Maps <c>POST {pattern}</c>. It answers 404 unless the connector is enabled in webhook mode, 401 without the
    /// right secret header, and 200 only after the sink stored the update; any other failure answers 500 so
    /// Telegram delivers the update again (the sink dedupes it).
    /// </summary>
    public static RouteHandlerBuilder MapTelegramWebhook(this IEndpointRouteBuilder endpoints, string pattern = DefaultPattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapPost(pattern, HandleAsync).ExcludeFromDescription();
    }

    internal static async Task<IResult> HandleAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var services = context.RequestServices;
        var settings = services.GetRequiredService<IOptions<TelegramOptions>>().Value;
        if (!settings.Enabled || settings.Mode != TelegramReceiveMode.Webhook)
        {
            return TypedResults.NotFound();
        }

        var logger = services.GetRequiredService<ILogger<TelegramUpdateHandler>>();
        if (!TelegramWebhookSecret.Matches(context.Request.Headers[TelegramWebhookSecret.HeaderName], settings.WebhookSecret))
        {
            Log.WebhookRejected(logger);
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Missing or wrong secret token.");
        }

        if (await BoundedBody.ReadAsync(context.Request.Body, context.Request.ContentLength, MaxBodyBytes, cancellationToken) is not { } body)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Update too large.");
        }

        TelegramUpdate? update;
        try
        {
            update = JsonSerializer.Deserialize<TelegramUpdate>(body, TelegramJson.Options);
        }
        catch (JsonException)
        {
            update = null;
        }

        if (update is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Body is not a Telegram update.");
        }

        try
        {
            await services.GetRequiredService<TelegramUpdateHandler>()
                .HandleAsync(update, services.GetRequiredService<IInboundSink>(), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            Log.WebhookUpdateFailed(logger, ex, update.UpdateId);
            return TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "Update not stored; deliver it again.");
        }

        return TypedResults.Ok();
    }
}
