using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Core.Triage;

namespace Switchboard.Core.Handoff;

/// <summary>
/// Zendesk through its REST API shape: <c>POST /api/v2/tickets.json</c> to open a ticket with the history as a
/// private comment, <c>PUT /api/v2/tickets/{id}.json</c> to append. Auth is <c>email/token:api_token</c> basic auth,
/// set per request and never logged.
/// </summary>
public sealed class ZendeskTicketHandoff(HttpClient httpClient, IOptions<ZendeskOptions> options, TimeProvider time, ILogger<ZendeskTicketHandoff> logger) : ITicketHandoff
{
    public string System => "zendesk";

    public async Task<TicketRef> CreateTicketAsync(TicketRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var requester = new JsonObject
        {
            ["name"] = request.Requester.Name,
        };
        if (!string.IsNullOrWhiteSpace(request.Requester.Email))
        {
            requester["email"] = request.Requester.Email;
        }

        var tags = options.Value.Tags
            .Concat([request.Intent, $"severity_{request.Severity}"])
            .Concat(request.Tags)
            .Select(t => t.Replace(' ', '_').ToLowerInvariant())
            .Distinct()
            .ToList();
        var body = new JsonObject
        {
            ["ticket"] = new JsonObject
            {
                ["subject"] = request.Subject,
                ["comment"] = new JsonObject
                {
                    ["body"] = TicketHistoryFormatter.Format(request.CaseId, request.History),
                    ["public"] = false,
                },
                ["priority"] = Priority(request.Severity),
                ["tags"] = new JsonArray([.. tags.Select(t => (JsonNode)JsonValue.Create(t))]),
                ["external_id"] = ExternalId(request.CaseId),
                ["requester"] = requester,
            },
        };

        using var message = Request(HttpMethod.Post, "api/v2/tickets.json", body);
        using var response = await SendAsync(message, "create", cancellationToken);
        var id = await ReadTicketIdAsync(response, cancellationToken);
        logger.TicketCreated(System, id, request.CaseId);
        return new TicketRef(System, id, AgentUrl(id));
    }

    public async Task UpdateTicketAsync(string ticketId, TicketUpdate update, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ticketId);
        ArgumentNullException.ThrowIfNull(update);
        if (!long.TryParse(ticketId, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            throw new TicketHandoffException(TicketHandoffFailure.Invalid, $"'{ticketId}' is not a Zendesk ticket id.");
        }

        var ticket = new JsonObject
        {
            ["comment"] = new JsonObject
            {
                ["body"] = TicketHistoryFormatter.Format(update.CaseId, update.NewHistory, update.Note),
                ["public"] = false,
            },
        };
        if (update.Status is { } status)
        {
            ticket["status"] = status;
        }

        using var message = Request(HttpMethod.Put, $"api/v2/tickets/{ticketId}.json", new JsonObject { ["ticket"] = ticket });
        using var response = await SendAsync(message, "update", cancellationToken);
        logger.TicketUpdated(System, ticketId, update.CaseId);
    }

    internal static string ExternalId(long caseId) => $"switchboard-case-{caseId.ToString(CultureInfo.InvariantCulture)}";

    private static string Priority(string severity) => severity switch
    {
        Severities.Critical => "urgent",
        Severities.High => "high",
        Severities.Low => "low",
        _ => "normal",
    };

    private HttpRequestMessage Request(HttpMethod method, string path, JsonObject body)
    {
        var settings = options.Value;
        var baseUrl = settings.BaseUrl ?? throw new TicketHandoffException(TicketHandoffFailure.Invalid, "Zendesk BaseUrl is not configured.");
        var message = new HttpRequestMessage(method, new Uri(baseUrl, path))
        {
            Content = JsonContent.Create(body),
        };
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.Email}/token:{settings.ApiToken}"));
        message.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return message;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage message, string operation, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await httpClient.SendAsync(message, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            logger.HandoffFailed(System, operation, TicketHandoffFailure.Transient, null);
            throw new TicketHandoffException(TicketHandoffFailure.Transient, $"Zendesk {operation} failed: {ex.HttpRequestError}.", null, null, ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.HandoffFailed(System, operation, TicketHandoffFailure.Transient, null);
            throw new TicketHandoffException(TicketHandoffFailure.Transient, $"Zendesk {operation} timed out.", null, null, ex);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var failure = response.StatusCode switch
            {
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => TicketHandoffFailure.Auth,
                HttpStatusCode.NotFound => TicketHandoffFailure.NotFound,
                HttpStatusCode.TooManyRequests => TicketHandoffFailure.RateLimited,
                HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity => TicketHandoffFailure.Invalid,
                _ when status >= 500 => TicketHandoffFailure.Transient,
                _ => TicketHandoffFailure.Invalid,
            };
            var retryAfter = response.Headers.RetryAfter is { } header
                ? header.Delta ?? (header.Date is { } date ? date - time.GetUtcNow() : null)
                : null;
            if (retryAfter is { } delay && delay < TimeSpan.Zero)
            {
                retryAfter = TimeSpan.Zero;
            }

            // Zendesk's error body names the invalid field (never the token); keep a short excerpt for the operator.
            var detail = await ReadErrorAsync(response, cancellationToken);
            logger.HandoffFailed(System, operation, failure, status);
            throw new TicketHandoffException(failure, $"Zendesk {operation} failed with HTTP {status}{detail}.", status, retryAfter);
        }
    }

    private static async Task<string> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            var error = root.TryGetProperty("error", out var e) ? e.ToString() : null;
            var description = root.TryGetProperty("description", out var d) ? d.GetString() : null;
            var summary = string.Join(": ", new[] { error, description }.Where(s => !string.IsNullOrWhiteSpace(s)));
            return summary.Length == 0 ? string.Empty : $" ({(summary.Length > 200 ? summary[..200] : summary)})";
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }

    private static async Task<string> ReadTicketIdAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), default, cancellationToken);
            if (document.RootElement.TryGetProperty("ticket", out var ticket) && ticket.TryGetProperty("id", out var id) && id.TryGetInt64(out var value))
            {
                return value.ToString(CultureInfo.InvariantCulture);
            }
        }
        catch (JsonException ex)
        {
            throw new TicketHandoffException(TicketHandoffFailure.Invalid, "Zendesk answered with a body that is not JSON.", (int)response.StatusCode, null, ex);
        }

        throw new TicketHandoffException(TicketHandoffFailure.Invalid, "Zendesk answered without a ticket id.", (int)response.StatusCode);
    }

    private Uri? AgentUrl(string id) =>
        options.Value.BaseUrl is { } baseUrl ? new Uri(baseUrl, $"agent/tickets/{id}") : null;
}
