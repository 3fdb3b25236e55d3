namespace Switchboard.Core.Routing.Yaml;

internal sealed class ChannelDocument
{
    public string? Connector { get; set; }

    public string? ChannelId { get; set; }

    public string? ThreadId { get; set; }
}
