using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Switchboard.IntegrationTests.Connectors.Discord;

/// <summary>
/// A loopback stand-in for Discord (Kestrel on 127.0.0.1): a Gateway v10 (JSON) at /gateway and /resume that
/// keeps a session with an event log, replays after a RESUME's seq, and acts out the hard cases on request
/// (drop, missed ACKs, op 9, close codes); and the REST API at /api/v10 recording every request the bot makes,
/// with rate-limit headers and scripted 429s.
/// </summary>
internal sealed class FakeDiscordServer : IAsyncDisposable
{
    public const string BotUserId = "4242";
    public const string ApplicationId = "7070";
    public const string Token = "fake-bot-token";

    private readonly WebApplication _app;
    private readonly List<(long Seq, string Type, JsonObject Data)> _events = [];
    private readonly Lock _gate = new();
    private readonly ConcurrentQueue<ScriptedResponse> _scripted = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private long _seq;
    private long _messageIds = 9000;
    private WebSocket? _socket;
    private HttpContext? _socketContext;
    private TaskCompletionSource _socketClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FakeDiscordServer(WebApplication app)
    {
        _app = app;
    }

    public Uri BaseAddress { get; private set; } = null!;

    public string ApiBaseUrl => new Uri(BaseAddress, "/api/v10/").ToString();

    public string GatewayUrl => $"ws://{BaseAddress.Authority}/gateway";

    public string SessionId { get; private set; } = "session-1";

    public int HeartbeatIntervalMs { get; set; } = 45_000;

    /// <summary>When false, heartbeats go unanswered (a zombie connection).</summary>
    public bool AckHeartbeats { get; set; } = true;

    /// <summary>When set, an IDENTIFY is answered by closing with this code (4004, 4014, …).</summary>
    public int? CloseOnIdentify { get; set; }

    /// <summary>When set, the next RESUME is answered with op 9 and this "resumable" flag.</summary>
    public bool? InvalidSessionOnResume { get; set; }

    /// <summary>Every gateway payload the bot sent, in order.</summary>
    public ConcurrentQueue<JsonObject> GatewayReceived { get; } = new();

    /// <summary>The same, with the time each arrived.</summary>
    public ConcurrentQueue<(DateTimeOffset At, JsonObject Payload)> GatewayLog { get; } = new();

    /// <summary>Every REST request the bot made, in order.</summary>
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>How many times each sequence number was delivered (a correct resume delivers each once).</summary>
    public ConcurrentDictionary<long, int> Deliveries { get; } = new();

    /// <summary>Attachment downloads: the path and the Authorization header sent (it must be empty).</summary>
    public ConcurrentQueue<(string Path, string Authorization)> CdnRequests { get; } = new();

    public int Connections { get; private set; }

    public int Identifies { get; private set; }

    public ConcurrentDictionary<string, JsonObject> Channels { get; } = new();

    /// <summary>Messages the bot created, by the id the fake gave them (to match a later pin or edit to its message).</summary>
    public ConcurrentDictionary<string, JsonObject> Created { get; } = new();

    /// <summary>Canned answers for GET paths (guilds, members, users/@me).</summary>
    public ConcurrentDictionary<string, JsonNode> Objects { get; } = new();

    public static async Task<FakeDiscordServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var server = new FakeDiscordServer(app);
        app.UseWebSockets();
        app.Map("/gateway", server.GatewayAsync);
        app.Map("/resume", server.GatewayAsync);
        app.Map("/api/v10/{**path}", (Func<HttpContext, string, Task>)server.RestAsync);
        app.Map("/cdn/{**path}", (Func<HttpContext, string, Task>)server.CdnAsync);
        await app.StartAsync(TestContext.Current.CancellationToken);
        server.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    /// <summary>Appends an event to the session log and delivers it if the bot is connected.</summary>
    public async Task<long> DispatchAsync(string type, JsonObject data)
    {
        long seq;
        lock (_gate)
        {
            seq = ++_seq;
            _events.Add((seq, type, data));
        }

        if (_socket is { State: WebSocketState.Open } socket)
        {
            await SendDispatchAsync(socket, seq, type, data);
        }

        return seq;
    }

    public static JsonObject Message(string id, string channelId, string authorId, string username, string content, string? guildId = "1") => new()
    {
        ["id"] = id,
        ["channel_id"] = channelId,
        ["guild_id"] = guildId,
        ["author"] = new JsonObject { ["id"] = authorId, ["username"] = username },
        ["content"] = content,
        ["timestamp"] = "2026-11-22T02:00:00.000000+00:00",
        ["type"] = 0,
        ["flags"] = 0,
        ["attachments"] = new JsonArray(),
    };

    /// <summary>An INTERACTION_CREATE payload: a guild member's button press (type 3) or modal submission (type 5) in a channel.</summary>
    public static JsonObject Interaction(string id, string token, int type, JsonObject data, string channelId, string userId, string username, JsonObject? message = null)
    {
        var interaction = new JsonObject
        {
            ["id"] = id,
            ["application_id"] = ApplicationId,
            ["type"] = type,
            ["data"] = data,
            ["guild_id"] = "1",
            ["channel_id"] = channelId,
            ["member"] = new JsonObject { ["user"] = new JsonObject { ["id"] = userId, ["username"] = username }, ["roles"] = new JsonArray() },
            ["token"] = token,
            ["version"] = 1,
            ["app_permissions"] = "0",
            ["locale"] = "en-US",
        };
        if (message is not null)
        {
            interaction["message"] = message.DeepClone();
        }

        return interaction;
    }

    /// <summary>Sends a raw gateway payload (op 7 reconnect, op 1 heartbeat request, …) on the live connection.</summary>
    public async Task SendOpAsync(JsonObject payload)
    {
        if (_socket is { } socket)
        {
            await SendAsync(socket, payload);
        }
    }

    /// <summary>Kills the TCP connection without a close frame (a dropped socket).</summary>
    public void DropConnection() => _socketContext?.Abort();

    public async Task CloseConnectionAsync(int code)
    {
        if (_socket is { } socket)
        {
            await socket.CloseOutputAsync((WebSocketCloseStatus)code, "test", CancellationToken.None);
        }
    }

    public Task WaitForDisconnectAsync() => _socketClosed.Task.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

    /// <summary>The next REST request whose "METHOD path" starts with <paramref name="prefix"/> gets this answer instead.</summary>
    public void Script(string prefix, int status, JsonObject? body = null, IDictionary<string, string>? headers = null) =>
        _scripted.Enqueue(new ScriptedResponse(prefix, status, body, headers ?? new Dictionary<string, string>()));

    public RecordedRequest? FirstTo(string method, string pathPrefix) =>
        Requests.FirstOrDefault(r => r.Method == method && r.Path.StartsWith(pathPrefix, StringComparison.Ordinal));

    public IReadOnlyList<RecordedRequest> RequestsTo(string method, string pathPrefix) =>
        Requests.Where(r => r.Method == method && r.Path.StartsWith(pathPrefix, StringComparison.Ordinal)).ToList();

    public async ValueTask DisposeAsync()
    {
        _socketContext?.Abort();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private async Task GatewayAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        lock (_gate)
        {
            Connections++;
            _socket = socket;
            _socketContext = context;
            _socketClosed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        var closed = _socketClosed;
        try
        {
            await SendAsync(socket, new JsonObject { ["op"] = 10, ["d"] = new JsonObject { ["heartbeat_interval"] = HeartbeatIntervalMs } });
            while (socket.State == WebSocketState.Open)
            {
                var payload = await ReceiveAsync(socket, context.RequestAborted);
                if (payload is null)
                {
                    break;
                }

                GatewayReceived.Enqueue(payload);
                GatewayLog.Enqueue((TimeProvider.System.GetUtcNow(), payload));
                await HandleAsync(socket, payload);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ConnectionAbortedException)
        {
            // The bot (or the test) dropped the connection.
        }
        finally
        {
            lock (_gate)
            {
                if (ReferenceEquals(_socket, socket))
                {
                    _socket = null;
                    _socketContext = null;
                }
            }

            closed.TrySetResult();
        }
    }

    private async Task HandleAsync(WebSocket socket, JsonObject payload)
    {
        switch ((int?)payload["op"])
        {
            case 1:
                if (AckHeartbeats)
                {
                    await SendAsync(socket, new JsonObject { ["op"] = 11 });
                }

                break;
            case 2:
                if (CloseOnIdentify is { } code)
                {
                    await socket.CloseOutputAsync((WebSocketCloseStatus)code, "identify refused", CancellationToken.None);
                    return;
                }

                lock (_gate)
                {
                    // A new session: earlier events belong to the old one.
                    SessionId = "session-" + Guid.NewGuid().ToString("N")[..8];
                    _events.Clear();
                    _seq = 0;
                    Identifies++;
                }

                var ready = new JsonObject
                {
                    ["v"] = 10,
                    ["user"] = new JsonObject { ["id"] = BotUserId, ["username"] = "switchboard", ["bot"] = true },
                    ["guilds"] = new JsonArray(),
                    ["session_id"] = SessionId,
                    ["resume_gateway_url"] = $"ws://{BaseAddress.Authority}/resume",
                    ["application"] = new JsonObject { ["id"] = ApplicationId, ["flags"] = 0 },
                };
                await SendDispatchAsync(socket, Interlocked.Increment(ref _seq), "READY", ready);
                break;
            case 6:
                var d = payload["d"]!;
                if (InvalidSessionOnResume is { } resumable)
                {
                    InvalidSessionOnResume = null;
                    await SendAsync(socket, new JsonObject { ["op"] = 9, ["d"] = resumable });
                    return;
                }

                if ((string?)d["session_id"] != SessionId)
                {
                    await SendAsync(socket, new JsonObject { ["op"] = 9, ["d"] = false });
                    return;
                }

                var after = (long?)d["seq"] ?? 0;
                List<(long Seq, string Type, JsonObject Data)> missed;
                lock (_gate)
                {
                    missed = _events.Where(e => e.Seq > after).ToList();
                }

                foreach (var (seq, type, data) in missed)
                {
                    await SendDispatchAsync(socket, seq, type, data);
                }

                await SendDispatchAsync(socket, Interlocked.Read(ref _seq), "RESUMED", []);
                break;
            default:
                break;
        }
    }

    private async Task SendDispatchAsync(WebSocket socket, long seq, string type, JsonObject data)
    {
        if (type is not ("READY" or "RESUMED"))
        {
            Deliveries.AddOrUpdate(seq, 1, (_, n) => n + 1);
        }

        await SendAsync(socket, new JsonObject { ["op"] = 0, ["s"] = seq, ["t"] = type, ["d"] = data.DeepClone() });
    }

    private async Task SendAsync(WebSocket socket, JsonObject payload)
    {
        await _sendLock.WaitAsync();
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(payload.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or IOException)
        {
            // The connection is gone; the event stays in the log for a resume.
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private static async Task<JsonObject?> ReceiveAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return JsonNode.Parse(message.ToArray())!.AsObject();
            }
        }
    }

    private async Task RestAsync(HttpContext context, string path)
    {
        var method = context.Request.Method;
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync();
        var body = text.Length > 0 ? JsonNode.Parse(text) : null;
        var recorded = new RecordedRequest(method, path, body, context.Request.Headers.Authorization.ToString(), context.Request.Headers["X-Audit-Log-Reason"].ToString(), TimeProvider.System.GetUtcNow());
        Requests.Enqueue(recorded);

        var key = method + " " + path;
        if (_scripted.TryPeek(out var scripted) && key.StartsWith(scripted.Prefix, StringComparison.Ordinal) && _scripted.TryDequeue(out scripted))
        {
            foreach (var (name, value) in scripted.Headers)
            {
                context.Response.Headers[name] = value;
            }

            context.Response.StatusCode = scripted.Status;
            if (scripted.Body is not null)
            {
                await context.Response.WriteAsJsonAsync(scripted.Body);
            }

            return;
        }

        if (context.Request.Headers.Authorization != "Bot " + Token && !path.StartsWith("webhooks/", StringComparison.Ordinal))
        {
            context.Response.StatusCode = 401;
            await context.Response.WriteAsJsonAsync(new JsonObject { ["message"] = "401: Unauthorized", ["code"] = 0 });
            return;
        }

        if (method == "GET" && Objects.TryGetValue(path, out var canned))
        {
            await context.Response.WriteAsJsonAsync(canned);
            return;
        }

        var segments = path.Split('/');
        switch (method, segments)
        {
            case ("POST", ["channels", var channel, "messages"]):
                context.Response.Headers["X-RateLimit-Bucket"] = "msgbucket";
                context.Response.Headers["X-RateLimit-Limit"] = "5";
                context.Response.Headers["X-RateLimit-Remaining"] = "4";
                context.Response.Headers["X-RateLimit-Reset-After"] = "1.0";
                var message = body!.AsObject().DeepClone().AsObject();
                message["id"] = Interlocked.Increment(ref _messageIds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                message["channel_id"] = channel;
                Created[(string)message["id"]!] = message;
                await context.Response.WriteAsJsonAsync(message);
                return;
            case ("PATCH", ["channels", var channel, "messages", var id]):
                var edited = body!.AsObject().DeepClone().AsObject();
                edited["id"] = id;
                edited["channel_id"] = channel;
                await context.Response.WriteAsJsonAsync(edited);
                return;
            case ("GET", ["channels", var channel]):
                if (Channels.TryGetValue(channel, out var known))
                {
                    await context.Response.WriteAsJsonAsync(known);
                    return;
                }

                context.Response.StatusCode = 404;
                await context.Response.WriteAsJsonAsync(new JsonObject { ["message"] = "Unknown Channel", ["code"] = 10003 });
                return;
            case ("POST", ["users", "@me", "channels"]):
                await context.Response.WriteAsJsonAsync(new JsonObject { ["id"] = "dm-" + (string?)body?["recipient_id"], ["type"] = 1 });
                return;
            case ("POST", ["interactions", _, _, "callback"]):
                context.Response.StatusCode = 204;
                return;
            case ("POST", ["webhooks", _, _]):
                await context.Response.WriteAsJsonAsync(new JsonObject { ["id"] = Interlocked.Increment(ref _messageIds).ToString(System.Globalization.CultureInfo.InvariantCulture) });
                return;
            default:
                context.Response.StatusCode = 204;
                return;
        }
    }

    private async Task CdnAsync(HttpContext context, string path)
    {
        CdnRequests.Enqueue((path, context.Request.Headers.Authorization.ToString()));
        var size = path.Contains("big", StringComparison.Ordinal) ? 200_000 : 1_000;
        context.Response.ContentType = "audio/ogg";
        await context.Response.Body.WriteAsync(new byte[size]);
    }

    private sealed record ScriptedResponse(string Prefix, int Status, JsonObject? Body, IDictionary<string, string> Headers);
}
