namespace Switchboard.Core.Routing.Yaml;

internal sealed class IntentDocument : RouteFieldsDocument
{
    public List<TriggerDocument>? Triggers { get; set; }
}
