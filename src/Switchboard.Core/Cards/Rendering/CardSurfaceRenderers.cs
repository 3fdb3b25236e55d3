namespace Switchboard.Core.Cards.Rendering;

/// <summary>Every <see cref="ICardSurfaceRenderer"/> registered in DI, by surface name.</summary>
public sealed class CardSurfaceRenderers(IEnumerable<ICardSurfaceRenderer> renderers)
{
    private readonly Dictionary<string, ICardSurfaceRenderer> _bySurface = renderers
        .GroupBy(r => r.Surface, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.Last(), StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> Surfaces => _bySurface.Keys.Order(StringComparer.Ordinal).ToList();

    public bool TryGet(string surface, out ICardSurfaceRenderer renderer) =>
        _bySurface.TryGetValue(surface, out renderer!);
}
