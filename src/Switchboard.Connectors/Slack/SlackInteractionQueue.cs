using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Switchboard.Connectors.Slack;

/// <summary>
/// Button presses that arrived over HTTP, acknowledged and waiting to be run by
/// <see cref="SlackConnector.ReceiveAsync"/> in Events mode: Slack wants the 200 within 3 seconds, and an
/// approval may take longer. Bounded so a flood cannot exhaust memory; when full the endpoint answers 503
/// and the reviewer clicks again (a click has no effect until it is run, so nothing is half-done).
/// </summary>
internal sealed class SlackInteractionQueue
{
    public const int Capacity = 256;

    private readonly Channel<JsonObject> _channel = Channel.CreateBounded<JsonObject>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public ChannelReader<JsonObject> Reader => _channel.Reader;

    public bool TryEnqueue(JsonObject payload) => _channel.Writer.TryWrite(payload);
}
