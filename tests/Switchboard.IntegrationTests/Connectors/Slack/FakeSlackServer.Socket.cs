using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Switchboard.IntegrationTests.Connectors.Slack;

/// <summary>The Socket Mode side of the fake: one WebSocket at a time, hello on connect, envelopes out, acks in.</summary>
internal sealed partial class FakeSlackServer
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonObject>> _acks = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private WebSocket? _socket;
    private int _socketCount;
    private int _socketsReady;

    /// <summary>How many Socket Mode connections the bot has opened so far.</summary>
    public int SocketConnections => Volatile.Read(ref _socketCount);

    /// <summary>Slack's ack deadline for an envelope.</summary>
    public TimeSpan AckDeadline { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Waits until connection number <paramref name="connection"/> is open and greeted with hello.</summary>
    public async Task WaitForSocketAsync(int connection, CancellationToken cancellationToken)
    {
        for (var waited = 0; Volatile.Read(ref _socketsReady) < connection; waited += 20)
        {
            if (waited > 15_000)
            {
                throw new TimeoutException($"The bot did not open Socket Mode connection {connection} (has {SocketConnections}).");
            }

            await Task.Delay(20, cancellationToken);
        }
    }

    /// <summary>Sends an envelope over the open socket and returns the bot's ack, which must come within <see cref="AckDeadline"/>.</summary>
    public async Task<JsonObject> SendEnvelopeAsync(string type, JsonObject payload, string? envelopeId = null, CancellationToken cancellationToken = default)
    {
        var id = envelopeId ?? Guid.NewGuid().ToString();
        var ack = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _acks[id] = ack;
        await SendFrameAsync(new JsonObject
        {
            ["envelope_id"] = id,
            ["type"] = type,
            ["payload"] = payload.DeepClone(),
            ["accepts_response_payload"] = type is "interactive" or "slash_commands",
        }, cancellationToken);
        try
        {
            return await ack.Task.WaitAsync(AckDeadline, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The bot did not ack envelope {type} within {AckDeadline.TotalSeconds} s.");
        }
    }

    public Task SendDisconnectAsync(string reason, CancellationToken cancellationToken) =>
        SendFrameAsync(new JsonObject { ["type"] = "disconnect", ["reason"] = reason, ["debug_info"] = new JsonObject { ["host"] = "fake-slack" } }, cancellationToken);

    /// <summary>Drops the connection without a close handshake, like a network failure.</summary>
    public void AbortSocket() => Interlocked.Exchange(ref _socket, null)?.Abort();

    private async Task SendFrameAsync(JsonObject frame, CancellationToken cancellationToken)
    {
        var socket = _socket ?? throw new InvalidOperationException("No Socket Mode connection is open.");
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(frame.ToJsonString()), WebSocketMessageType.Text, true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task HandleSocketAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        _socket = socket;
        var number = Interlocked.Increment(ref _socketCount);
        await SendFrameAsync(new JsonObject
        {
            ["type"] = "hello",
            ["num_connections"] = 1,
            ["debug_info"] = new JsonObject { ["host"] = "fake-slack", ["build_number"] = 1, ["approximate_connection_time"] = 18060 },
            ["connection_info"] = new JsonObject { ["app_id"] = "AFAKE" },
        }, context.RequestAborted);
        Volatile.Write(ref _socketsReady, number);

        var buffer = new byte[64 * 1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult received;
                do
                {
                    received = await socket.ReceiveAsync(buffer, context.RequestAborted);
                    message.Write(buffer, 0, received.Count);
                }
                while (!received.EndOfMessage && received.MessageType != WebSocketMessageType.Close);

                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                    break;
                }

                if (JsonNode.Parse(message.ToArray()) is JsonObject ack && Str(ack, "envelope_id") is { } id && _acks.TryRemove(id, out var waiter))
                {
                    waiter.TrySetResult(ack);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // Aborted by AbortSocket or by the bot: the bot is expected to reconnect.
        }
        finally
        {
            Interlocked.CompareExchange(ref _socket, null, socket);
        }
    }
}
