using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Core.Connectors;

namespace Switchboard.Connectors.Slack;

/// <summary>
/// Socket Mode receive loop: opens a fresh URL with apps.connections.open for every connection, acks each
/// envelope within Slack's 3 seconds (events after the sink stored them; button presses before the slow
/// part; a view_submission with its response), reconnects at once on Slack's refresh or warning
/// disconnects and with exponential backoff on failures, and stops for good on <c>link_disabled</c> or an
/// invalid app token. WebSocket pings (KeepAliveInterval/KeepAliveTimeout) drop a silent connection.
/// </summary>
internal sealed class SlackSocketModeClient(
    SlackApiClient api,
    SlackInboundProcessor events,
    SlackInteractionHandler interactions,
    SlackCommandHandler commands,
    SlackEventDeduplicator deduplicator,
    SlackConnectionState state,
    SlackMetrics metrics,
    IOptions<SlackOptions> options,
    TimeProvider timeProvider,
    ILogger<SlackSocketModeClient> logger)
{
    private const int MaxFrameBytes = 4 * 1024 * 1024;
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);

    public async Task RunAsync(IInboundSink sink, CancellationToken cancellationToken)
    {
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            SocketSessionEnd end;
            try
            {
                var url = await api.OpenConnectionAsync(cancellationToken);
                using var socket = new ClientWebSocket();
                socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(options.Value.KeepAliveSeconds);
                socket.Options.KeepAliveTimeout = TimeSpan.FromSeconds(options.Value.KeepAliveSeconds);
                using (var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    // A handshake that never completes must not hang the loop: give up and back off.
                    connectTimeout.CancelAfter(ConnectTimeout);
                    await socket.ConnectAsync(url, connectTimeout.Token);
                }

                end = await RunSessionAsync(socket, sink, () =>
                {
                    failures = 0;
                    state.OnHello();
                }, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                logger.SlackSocketStopping();
                state.OnStopped("shutting down");
                return;
            }
            catch (ConnectorException ex) when (ex.Failure == ConnectorFailure.Auth)
            {
                // A revoked or wrong app token will not fix itself: fail loudly instead of retrying forever.
                logger.SlackSocketAuthFailed(ex);
                state.OnStopped("app token refused");
                throw;
            }
            catch (Exception ex)
            {
                logger.SlackSocketFailed(failures + 1, ex);
                end = SocketSessionEnd.Failed;
            }

            if (end == SocketSessionEnd.Stop)
            {
                logger.SlackSocketLinkDisabled();
                state.OnStopped("link_disabled");
                return;
            }

            var reason = end == SocketSessionEnd.Refresh ? "refresh" : "failure";
            state.OnDisconnected(reason);
            metrics.Reconnect(reason);

            if (end == SocketSessionEnd.Failed)
            {
                failures++;
                try
                {
                    await Task.Delay(Backoff(failures), timeProvider, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    state.OnStopped("shutting down");
                    return;
                }
            }
        }
    }

    internal TimeSpan Backoff(int failures)
    {
        var baseMs = (double)options.Value.ReconnectBaseDelayMs;
        var ms = Math.Min(options.Value.ReconnectMaxDelayMs, baseMs * Math.Pow(2, Math.Min(failures - 1, 20)));
        // ±20 % jitter so many instances do not reconnect in lockstep.
        return TimeSpan.FromMilliseconds(ms * (0.8 + (Random.Shared.NextDouble() * 0.4)));
    }

    private async Task<SocketSessionEnd> RunSessionAsync(ClientWebSocket socket, IInboundSink sink, Action onHello, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        var frame = new ArrayBufferWriter<byte>();
        while (true)
        {
            frame.Clear();
            ValueWebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    var status = socket.CloseStatus?.ToString() ?? "none";
                    logger.SlackSocketClosed(status);
                    return SocketSessionEnd.Failed;
                }

                if (frame.WrittenCount + received.Count > MaxFrameBytes)
                {
                    throw new WebSocketException(WebSocketError.Faulted, "Slack frame exceeds the size limit.");
                }

                frame.Write(buffer.AsSpan(0, received.Count));
            }
            while (!received.EndOfMessage);

            if (received.MessageType != WebSocketMessageType.Text)
            {
                continue;
            }

            JsonObject? message;
            try
            {
                message = JsonNode.Parse(frame.WrittenSpan) as JsonObject;
            }
            catch (JsonException ex)
            {
                logger.SlackSocketBadFrame(ex);
                continue;
            }

            if (message is null || SlackEventMapper.Str(message, "type") is not { } type)
            {
                continue;
            }

            switch (type)
            {
                case "hello":
                    onHello();
                    var connections = message["num_connections"]?.ToString() ?? "?";
                    logger.SlackSocketHello(connections);
                    continue;
                case "disconnect":
                    var reason = SlackEventMapper.Str(message, "reason") ?? "unknown";
                    logger.SlackSocketDisconnect(reason);
                    await CloseQuietlyAsync(socket, cancellationToken);
                    // link_disabled: Socket Mode was switched off for the app; reconnecting would only fail.
                    return reason == "link_disabled" ? SocketSessionEnd.Stop : SocketSessionEnd.Refresh;
                default:
                    await HandleEnvelopeAsync(socket, message, sink, cancellationToken);
                    break;
            }
        }
    }

    private async Task HandleEnvelopeAsync(ClientWebSocket socket, JsonObject envelope, IInboundSink sink, CancellationToken cancellationToken)
    {
        if (SlackEventMapper.Str(envelope, "envelope_id") is not { } envelopeId)
        {
            return;
        }

        var dedupeKey = "envelope:" + envelopeId;
        var payload = envelope["payload"] as JsonObject ?? [];
        var type = SlackEventMapper.Str(envelope, "type");
        if (deduplicator.IsKnown(dedupeKey))
        {
            await AckAsync(socket, envelopeId, null, cancellationToken);
            return;
        }

        try
        {
            switch (type)
            {
                case "events_api":
                    // Ack only after the sink stored the message: an unacked envelope is redelivered.
                    await events.ProcessAsync(payload, sink, cancellationToken);
                    await AckAsync(socket, envelopeId, null, cancellationToken);
                    break;
                case "interactive" when SlackInteractionHandler.NeedsResponse(payload):
                    var response = await interactions.HandleAsync(payload, sink, cancellationToken);
                    await AckAsync(socket, envelopeId, response, cancellationToken);
                    break;
                case "interactive":
                    await AckAsync(socket, envelopeId, null, cancellationToken);
                    await interactions.HandleAsync(payload, sink, cancellationToken);
                    break;
                case "slash_commands":
                    // The ack's payload is the command's response (an ephemeral message), as over HTTP.
                    await AckAsync(socket, envelopeId, await commands.HandleAsync(SlackCommandHandler.Fields(payload), cancellationToken), cancellationToken);
                    break;
                default:
                    await AckAsync(socket, envelopeId, null, cancellationToken);
                    break;
            }

            deduplicator.MarkDone(dedupeKey);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not WebSocketException)
        {
            // One bad envelope must not kill the connection; an unacked event is redelivered by Slack.
            logger.SlackEnvelopeFailed(type ?? "unknown", ex);
        }
    }

    private static async Task AckAsync(ClientWebSocket socket, string envelopeId, JsonObject? payload, CancellationToken cancellationToken)
    {
        var ack = new JsonObject { ["envelope_id"] = envelopeId };
        if (payload is not null)
        {
            ack["payload"] = payload;
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(ack);
        await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
    }

    private async Task CloseQuietlyAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "reconnecting", timeout.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            logger.SlackSocketCloseFailed(ex);
        }
    }

    private enum SocketSessionEnd
    {
        Refresh,
        Failed,
        Stop,
    }
}
