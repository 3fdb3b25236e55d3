using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Switchboard.IntegrationTests.Connectors.Slack;

/// <summary>
/// A loopback Slack that speaks the real protocol: a Web API (POST /api/{method}, bearer tokens checked,
/// HTTP-200 ok:false errors, injectable 429 + Retry-After, one-shot 3-second trigger_ids), private file
/// downloads that need the bot token, a Socket Mode WebSocket (hello, envelopes, acks, disconnects), and a
/// client that signs Events API and interactivity requests (v0) and posts them to the bot.
/// </summary>
internal sealed partial class FakeSlackServer : IAsyncDisposable
{
    public const string BotToken = "xoxb-fake-bot-token";
    public const string AppToken = "xapp-fake-app-token";
    public const string SigningSecret = "fake-signing-secret-0123456789";
    public static readonly byte[] AudioBytes = [0x00, 0x00, 0x00, 0x18, 0x66, 0x74, 0x79, 0x70, 0x4d, 0x34, 0x41, 0x20];

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeSlackCall> _calls = new();
    private readonly Channel<FakeSlackCall> _callSignal = Channel.CreateUnbounded<FakeSlackCall>();
    private readonly ConcurrentDictionary<string, int> _pending429 = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (DateTimeOffset IssuedAt, bool Used)> _triggers = new(StringComparer.Ordinal);
    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly ConcurrentDictionary<string, bool> _pins = new(StringComparer.Ordinal);
    private int _ts;
    private int _triggerCount;
    private int _eventCount;

    private FakeSlackServer(WebApplication app)
    {
        _app = app;
        app.UseWebSockets();
        app.MapPost("/api/{method}", HandleApiAsync);
        app.MapGet("/files/{name}", HandleFile);
        app.Map("/link", HandleSocketAsync);
    }

    public Uri BaseUri { get; private set; } = null!;

    public string ApiBaseUrl => new Uri(BaseUri, "api/").ToString();

    public int Retry429AfterSeconds { get; set; } = 1;

    public IReadOnlyList<FakeSlackCall> Calls => [.. _calls];

    public static async Task<FakeSlackServer> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var server = new FakeSlackServer(builder.Build());
        await server._app.StartAsync(cancellationToken);
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    /// <summary>The next <paramref name="count"/> calls of <paramref name="method"/> answer 429 with Retry-After.</summary>
    public void FailWith429(string method, int count = 1) => _pending429[method] = count;

    public IEnumerable<FakeSlackCall> CallsOf(string method) => Calls.Where(c => c.Method == method);

    /// <summary>Waits for a call matching <paramref name="match"/> (already made or still to come).</summary>
    public async Task<FakeSlackCall> WaitForCallAsync(string method, Func<FakeSlackCall, bool>? match = null, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        var seen = new HashSet<FakeSlackCall>(ReferenceEqualityComparer.Instance);
        while (true)
        {
            foreach (var call in _calls)
            {
                if (seen.Add(call) && call.Method == method && call.Status == 200 && (match?.Invoke(call) ?? true))
                {
                    return call;
                }
            }

            try
            {
                await _callSignal.Reader.WaitToReadAsync(timeout.Token);
                while (_callSignal.Reader.TryRead(out _))
                {
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Fake Slack saw no matching {method} call; calls so far: {string.Join(", ", _calls.Select(c => c.Method + "/" + c.Status))}");
            }
        }
    }

    /// <summary>Issues a trigger_id as Slack does with an interaction: valid for 3 seconds, usable once.</summary>
    public string IssueTrigger()
    {
        var id = $"{Interlocked.Increment(ref _triggerCount)}.1234.fake-trigger";
        _triggers[id] = (TimeProvider.System.GetUtcNow(), false);
        return id;
    }

    public string NextEventId() => $"Ev{Interlocked.Increment(ref _eventCount):D8}";

    /// <summary>POSTs a signed Events API request to the bot, as Slack does.</summary>
    public Task<HttpResponseMessage> PostEventAsync(Uri bot, string json, FakeSlackDelivery? delivery = null, CancellationToken cancellationToken = default) =>
        PostSignedAsync(new Uri(bot, "slack/events"), Encoding.UTF8.GetBytes(json), "application/json", delivery ?? new FakeSlackDelivery(), cancellationToken);

    /// <summary>POSTs a signed interactivity request (form field payload=JSON) to the bot.</summary>
    public Task<HttpResponseMessage> PostInteractionAsync(Uri bot, JsonObject payload, FakeSlackDelivery? delivery = null, CancellationToken cancellationToken = default)
    {
        var form = "payload=" + Uri.EscapeDataString(payload.ToJsonString());
        return PostSignedAsync(new Uri(bot, "slack/interactivity"), Encoding.UTF8.GetBytes(form), "application/x-www-form-urlencoded", delivery ?? new FakeSlackDelivery(), cancellationToken);
    }

    /// <summary>POSTs a signed slash command (form-encoded fields, as Slack sends them) to the bot's request URL.</summary>
    public Task<HttpResponseMessage> PostCommandAsync(Uri bot, IReadOnlyDictionary<string, string> fields, FakeSlackDelivery? delivery = null, CancellationToken cancellationToken = default)
    {
        var form = string.Join('&', fields.Select(kv => Uri.EscapeDataString(kv.Key) + "=" + Uri.EscapeDataString(kv.Value)));
        return PostSignedAsync(new Uri(bot, "slack/commands"), Encoding.UTF8.GetBytes(form), "application/x-www-form-urlencoded", delivery ?? new FakeSlackDelivery(), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        AbortSocket();
        _client.Dispose();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }

    private async Task<HttpResponseMessage> PostSignedAsync(Uri url, byte[] body, string contentType, FakeSlackDelivery delivery, CancellationToken cancellationToken)
    {
        var timestamp = (TimeProvider.System.GetUtcNow() + delivery.ClockSkew).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", delivery.Signature ?? Sign(delivery.Secret ?? SigningSecret, timestamp, body));
        if (delivery.RetryNum is { } retry)
        {
            request.Headers.Add("X-Slack-Retry-Num", retry.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }

        var response = await _client.SendAsync(request, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        return response;
    }

    // An independent signer (not the bot's code), so the tests check the scheme rather than echo it.
    private static string Sign(string secret, string timestamp, byte[] body)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        var baseString = Encoding.UTF8.GetBytes($"v0:{timestamp}:").Concat(body).ToArray();
        return "v0=" + string.Concat(hmac.ComputeHash(baseString).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
    }

    private async Task<IResult> HandleApiAsync(string method, HttpRequest request)
    {
        var authorization = request.Headers.Authorization.FirstOrDefault();
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();
        var body = text.Length == 0 ? [] : JsonNode.Parse(text) as JsonObject ?? [];
        if (_pending429.TryGetValue(method, out var left) && left > 0)
        {
            _pending429[method] = left - 1;
            Record(method, authorization, body, 429, []);
            return new RetryAfterResult(Retry429AfterSeconds);
        }

        var expectedToken = method == "apps.connections.open" ? AppToken : BotToken;
        var result = authorization != "Bearer " + expectedToken ? Error("invalid_auth")
            : request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true ? Error("invalid_form_data")
            : method switch
        {
            "chat.postMessage" => PostMessage(body),
            "chat.update" => Ok(new JsonObject { ["channel"] = Str(body, "channel"), ["ts"] = Str(body, "ts"), ["text"] = Str(body, "text") }),
            "chat.postEphemeral" => Ok(new JsonObject { ["message_ts"] = NextTs() }),
            "pins.add" => Pin(body),
            "views.open" => OpenView(body),
            "apps.connections.open" => Ok(new JsonObject { ["url"] = $"ws://{BaseUri.Authority}/link?ticket={Guid.NewGuid():N}" }),
            _ => Error("unknown_method"),
        };
        Record(method, authorization, body, 200, result);
        return Results.Text(result.ToJsonString(), "application/json", Encoding.UTF8);
    }

    private JsonObject PostMessage(JsonObject body)
    {
        if (Str(body, "channel") is not { Length: > 0 } channel)
        {
            return Error("channel_not_found");
        }

        if (string.IsNullOrEmpty(Str(body, "text")) && body["blocks"] is null)
        {
            return Error("no_text");
        }

        if (body["blocks"] is JsonArray { Count: > 50 })
        {
            return Error("invalid_blocks");
        }

        var ts = NextTs();
        return Ok(new JsonObject { ["channel"] = channel, ["ts"] = ts, ["message"] = new JsonObject { ["type"] = "message", ["ts"] = ts, ["text"] = Str(body, "text") } });
    }

    // pins.add: channel + timestamp of a message; pinning it again answers already_pinned.
    private JsonObject Pin(JsonObject body) =>
        Str(body, "channel") is not { Length: > 0 } channel || Str(body, "timestamp") is not { Length: > 0 } ts ? Error("no_item_specified")
            : _pins.TryAdd(channel + "/" + ts, true) ? Ok([]) : Error("already_pinned");

    private JsonObject OpenView(JsonObject body)
    {
        var trigger = Str(body, "trigger_id") ?? string.Empty;
        if (!_triggers.TryGetValue(trigger, out var issued))
        {
            return Error("invalid_trigger_id");
        }

        if (issued.Used)
        {
            return Error("exchanged_trigger_id");
        }

        if (TimeProvider.System.GetUtcNow() - issued.IssuedAt > TimeSpan.FromSeconds(3))
        {
            return Error("expired_trigger_id");
        }

        _triggers[trigger] = issued with { Used = true };
        return Ok(new JsonObject { ["view"] = new JsonObject { ["id"] = "V" + trigger.Split('.')[0], ["hash"] = "h1" } });
    }

    private IResult HandleFile(string name, HttpRequest request)
    {
        if (request.Headers.Authorization.FirstOrDefault() != "Bearer " + BotToken)
        {
            // Slack answers an unauthenticated file request with its sign-in page.
            return Results.Text("<!DOCTYPE html><html><body>Sign in to Slack</body></html>", "text/html", Encoding.UTF8);
        }

        return Results.Bytes(AudioBytes, "audio/mp4", name);
    }

    private void Record(string method, string? authorization, JsonObject body, int status, JsonObject response)
    {
        var call = new FakeSlackCall(method, authorization, body, status, TimeProvider.System.GetUtcNow(), response);
        _calls.Enqueue(call);
        _callSignal.Writer.TryWrite(call);
    }

    private string NextTs() => $"1763800{Interlocked.Increment(ref _ts):D3}.000100";

    private static JsonObject Ok(JsonObject extra)
    {
        extra["ok"] = true;
        return extra;
    }

    // Slack reports errors with HTTP 200 and ok:false.
    private static JsonObject Error(string error) => new() { ["ok"] = false, ["error"] = error };

    private static string? Str(JsonObject obj, string name) =>
        obj[name] is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;

    private sealed class RetryAfterResult(int seconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        }
    }
}
