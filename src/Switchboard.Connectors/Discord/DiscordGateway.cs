using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Switchboard.Core.Connectors;

namespace Switchboard.Connectors.Discord;

/// <summary>
/// A Discord Gateway v10 session on ClientWebSocket (JSON, no compression): HELLO, heartbeats with jitter,
/// zombie detection on a missed ACK, IDENTIFY (spaced by IdentifyIntervalSeconds) or RESUME with the last
/// handled sequence at resume_gateway_url, op 7 and op 9, and the close-code table. The session (id, resume
/// URL, sequence) outlives a connection, so a drop resumes and Discord replays what was missed. The sequence
/// advances only after the dispatch handler returns, so an event whose handling failed is replayed.
/// </summary>
internal sealed class DiscordGateway(DiscordOptions options, TimeProvider time, ILogger logger)
{
    private const int MaxFrameBytes = 4096;
    private const int MaxInboundBytes = 32 * 1024 * 1024;

    private readonly Queue<DateTimeOffset> _sent = new();
    private readonly Lock _sentGate = new();
    private DateTimeOffset _lastIdentify = DateTimeOffset.MinValue;
    private TimeSpan _invalidSessionDelay;

    public string? SessionId { get; private set; }

    public string? ResumeUrl { get; private set; }

    public long? Sequence { get; private set; }

    public string? BotUserId { get; private set; }

    public string? ApplicationId { get; private set; }

    /// <summary>How many IDENTIFY payloads this process sent (Discord allows 1000 session starts a day).</summary>
    public int Identifies { get; private set; }

    /// <summary>
    /// Asks GET /gateway/bot before a new session: null, or how long to wait because the day's session starts
    /// (session_start_limit.remaining) are used up. Going past the limit makes Discord reset the token.
    /// </summary>
    internal Func<CancellationToken, Task<TimeSpan?>>? SessionStartWaitAsync { get; set; }

    /// <summary>Testing seam: the random 1–5 s wait after an invalid session.</summary>
    internal Func<TimeSpan> InvalidSessionWait { get; set; } = () => TimeSpan.FromMilliseconds(Random.Shared.Next(1000, 5001));

    /// <summary>Connects, and reconnects, until cancelled or a close code that must not be retried.</summary>
    public async Task RunAsync(Func<string, JsonObject, CancellationToken, Task> onDispatch, CancellationToken cancellationToken)
    {
        var failures = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var healthy = await RunConnectionAsync(onDispatch, cancellationToken);
            failures = healthy ? 0 : failures + 1;
            var delay = _invalidSessionDelay;
            _invalidSessionDelay = TimeSpan.Zero;
            if (failures > 0)
            {
                var seconds = Math.Min(options.MaxReconnectDelaySeconds, Math.Pow(2, failures - 1));
                delay += TimeSpan.FromSeconds(seconds * (0.75 + (Random.Shared.NextDouble() * 0.5)));
            }

            Log.GatewayReconnecting(logger, delay.TotalMilliseconds, SessionId is not null);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, time, cancellationToken);
            }
        }
    }

    /// <summary>One connection; true when it got as far as READY or RESUMED (so backoff resets).</summary>
    private async Task<bool> RunConnectionAsync(Func<string, JsonObject, CancellationToken, Task> onDispatch, CancellationToken cancellationToken)
    {
        var resume = SessionId is not null && ResumeUrl is not null && Sequence is not null;
        var uri = WithVersion(resume ? ResumeUrl! : options.GatewayUrl);
        using var socket = new ClientWebSocket();
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var state = new ConnectionState(socket);
        Task heartbeats = Task.CompletedTask;
        try
        {
            await socket.ConnectAsync(uri, cancellationToken);
            var hello = await ReceiveAsync(socket, cancellationToken);
            if (hello is null || (int?)hello["op"] != 10)
            {
                Log.GatewayProtocol(logger, "expected HELLO");
                return false;
            }

            var interval = TimeSpan.FromMilliseconds((double?)hello["d"]?["heartbeat_interval"] ?? 41250);
            heartbeats = HeartbeatAsync(state, interval, connection.Token);
            if (resume)
            {
                await SendAsync(state, new JsonObject { ["op"] = 6, ["d"] = new JsonObject { ["token"] = options.BotToken, ["session_id"] = SessionId, ["seq"] = Sequence } }, connection.Token);
                Log.GatewayResuming(logger, Sequence ?? 0);
            }
            else
            {
                await IdentifyAsync(state, connection.Token);
            }

            while (true)
            {
                var payload = await ReceiveAsync(socket, connection.Token);
                if (payload is null)
                {
                    return HandleClose(socket.CloseStatus is { } status ? (int)status : null, state);
                }

                switch ((int?)payload["op"])
                {
                    case 0:
                        var type = (string?)payload["t"] ?? string.Empty;
                        var data = payload["d"] as JsonObject ?? [];
                        if (type == "READY")
                        {
                            SessionId = (string?)data["session_id"];
                            ResumeUrl = (string?)data["resume_gateway_url"];
                            BotUserId = (string?)data["user"]?["id"];
                            ApplicationId = (string?)data["application"]?["id"] ?? ApplicationId;
                            state.Healthy = true;
                            Log.GatewayReady(logger);
                        }
                        else if (type == "RESUMED")
                        {
                            state.Healthy = true;
                            Log.GatewayResumed(logger, Sequence ?? 0);
                        }
                        else
                        {
                            await onDispatch(type, data, cancellationToken);
                        }

                        // Only now: a failed handler leaves the sequence behind, and the resume replays the event.
                        if ((long?)payload["s"] is { } s)
                        {
                            Sequence = s;
                        }

                        break;
                    case 1:
                        await SendHeartbeatAsync(state, connection.Token);
                        break;
                    case 7:
                        Log.GatewayReconnectRequested(logger);
                        await CloseAsync(socket, 4000, "reconnect requested");
                        return state.Healthy;
                    case 9:
                        var resumable = (bool?)payload["d"] == true;
                        if (!resumable)
                        {
                            SessionId = null;
                            Sequence = null;
                        }

                        _invalidSessionDelay = InvalidSessionWait();
                        Log.GatewayInvalidSession(logger, resumable, _invalidSessionDelay.TotalMilliseconds);
                        await CloseAsync(socket, 4000, "invalid session");
                        return true;
                    case 11:
                        state.Acked = true;
                        break;
                    default:
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (state.Zombie && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception ex) when (ex is WebSocketException or IOException && !cancellationToken.IsCancellationRequested)
        {
            if (!state.Zombie)
            {
                Log.GatewayDropped(logger, ex.GetType().Name);
            }

            return state.Healthy;
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or ConnectorException) && !cancellationToken.IsCancellationRequested)
        {
            // The dispatch handler failed (storage down?): drop the connection without advancing the sequence;
            // the resume replays the event, after the backoff.
            Log.GatewayHandlerFailed(logger, ex);
            await CloseAsync(socket, 4000, "handler failed");
            return false;
        }
        finally
        {
            await connection.CancelAsync();
            await heartbeats.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }

    private bool HandleClose(int? code, ConnectionState state)
    {
        switch (DiscordCloseCodes.Classify(code))
        {
            case DiscordCloseAction.Stop:
                Log.GatewayClosedFatal(logger, code ?? 0);
                throw DiscordCloseCodes.Fatal(code ?? 0);
            case DiscordCloseAction.Identify:
                SessionId = null;
                Sequence = null;
                Log.GatewayClosed(logger, code ?? 0, false);
                return state.Healthy;
            default:
                Log.GatewayClosed(logger, code ?? 0, true);
                return state.Healthy;
        }
    }

    private async Task IdentifyAsync(ConnectionState state, CancellationToken cancellationToken)
    {
        if (SessionStartWaitAsync is not null && await SessionStartWaitAsync(cancellationToken) is { } exhausted && exhausted > TimeSpan.Zero)
        {
            Log.GatewaySessionStartsExhausted(logger, exhausted.TotalSeconds);
            await Task.Delay(exhausted, time, cancellationToken);
        }

        var wait = _lastIdentify + TimeSpan.FromSeconds(options.IdentifyIntervalSeconds) - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            Log.GatewayIdentifyWait(logger, wait.TotalMilliseconds);
            await Task.Delay(wait, time, cancellationToken);
        }

        _lastIdentify = time.GetUtcNow();
        Identifies++;
        await SendAsync(state, new JsonObject
        {
            ["op"] = 2,
            ["d"] = new JsonObject
            {
                ["token"] = options.BotToken,
                ["intents"] = options.Intents,
                ["properties"] = new JsonObject { ["os"] = "linux", ["browser"] = "switchboard", ["device"] = "switchboard" },
            },
        }, cancellationToken);
        Log.GatewayIdentifying(logger, options.Intents, Identifies);
    }

    private async Task HeartbeatAsync(ConnectionState state, TimeSpan interval, CancellationToken cancellationToken)
    {
        try
        {
            // Jitter on the first beat spreads reconnecting clients out.
            await Task.Delay(interval * Random.Shared.NextDouble(), time, cancellationToken);
            state.Acked = true;
            while (!cancellationToken.IsCancellationRequested)
            {
                if (!state.Acked)
                {
                    // Zombie: no ACK since the last beat. Drop the socket (not 1000/1001, which would end the session) and resume.
                    state.Zombie = true;
                    Log.GatewayZombie(logger);
                    state.Socket.Abort();
                    return;
                }

                state.Acked = false;
                await SendHeartbeatAsync(state, cancellationToken);
                await Task.Delay(interval, time, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The connection is ending; the read loop decides what comes next.
        }
    }

    private Task SendHeartbeatAsync(ConnectionState state, CancellationToken cancellationToken) =>
        SendAsync(state, new JsonObject { ["op"] = 1, ["d"] = Sequence }, cancellationToken);

    private async Task SendAsync(ConnectionState state, JsonObject payload, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(payload.ToJsonString());
        if (bytes.Length > MaxFrameBytes)
        {
            throw new ConnectorException(ConnectorFailure.Invalid, $"Gateway payload of {bytes.Length} bytes exceeds Discord's {MaxFrameBytes}.");
        }

        TimeSpan wait;
        while ((wait = ReserveSend()) > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }

        await state.SendLock.WaitAsync(cancellationToken);
        try
        {
            await state.Socket.SendAsync(bytes, WebSocketMessageType.Text, true, cancellationToken);
        }
        finally
        {
            state.SendLock.Release();
        }
    }

    /// <summary>Discord disconnects a client that sends more than 120 events in 60 s; stay under the configured share.</summary>
    internal TimeSpan ReserveSend()
    {
        lock (_sentGate)
        {
            var now = time.GetUtcNow();
            while (_sent.Count > 0 && now - _sent.Peek() >= TimeSpan.FromSeconds(60))
            {
                _sent.Dequeue();
            }

            if (_sent.Count >= options.GatewaySendsPerMinute)
            {
                return _sent.Peek() + TimeSpan.FromSeconds(60) - now;
            }

            _sent.Enqueue(now);
            return TimeSpan.Zero;
        }
    }

    private static async Task<JsonObject?> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            using var message = new MemoryStream();
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                message.Write(buffer, 0, result.Count);
                if (message.Length > MaxInboundBytes)
                {
                    throw new WebSocketException("Gateway message too large.");
                }

                if (result.EndOfMessage)
                {
                    return JsonNode.Parse(message.ToArray()) as JsonObject;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task CloseAsync(ClientWebSocket socket, int code, string reason)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, timeout.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Closing a broken socket: nothing left to tell the server.
        }
    }

    private static Uri WithVersion(string url)
    {
        var builder = new UriBuilder(url) { Query = "v=10&encoding=json" };
        if (string.IsNullOrEmpty(builder.Path))
        {
            builder.Path = "/";
        }

        return builder.Uri;
    }

    private sealed class ConnectionState(ClientWebSocket socket)
    {
        public ClientWebSocket Socket { get; } = socket;

        public SemaphoreSlim SendLock { get; } = new(1, 1);

        public volatile bool Acked = true;

        public volatile bool Zombie;

        public volatile bool Healthy;
    }
}
