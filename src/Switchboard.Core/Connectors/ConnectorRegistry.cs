namespace Switchboard.Core.Connectors;

/// <summary>All connectors registered in DI, by name.</summary>
public sealed class ConnectorRegistry(IEnumerable<IChatConnector> connectors)
{
    private readonly Dictionary<string, IChatConnector> _byName =
        connectors.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<IChatConnector> All => _byName.Values;

    public IChatConnector Get(string name) =>
        _byName.TryGetValue(name, out var connector)
            ? connector
            : throw new ConnectorException(ConnectorFailure.NotFound, $"No connector named '{name}' is configured.");

    public bool TryGet(string name, out IChatConnector connector) => _byName.TryGetValue(name, out connector!);
}
