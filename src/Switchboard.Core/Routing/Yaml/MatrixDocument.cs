namespace Switchboard.Core.Routing.Yaml;

/// <summary>config/escalation-matrix.yaml as read; <see cref="RoutingConfigLoader"/> validates and resolves it.</summary>
internal sealed class MatrixDocument
{
    public string? Version { get; set; }

    public VisibilityDocument? Visibility { get; set; }

    public List<OverrideDocument>? Overrides { get; set; }

    public Dictionary<string, IntentDocument>? Intents { get; set; }
}
