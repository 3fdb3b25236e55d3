namespace Switchboard.Core.Routing.Yaml;

internal sealed class TriggerDocument : RouteFieldsDocument
{
    public string? Id { get; set; }

    public List<string>? Severities { get; set; }

    public List<string>? Flags { get; set; }
}
