namespace Switchboard.Core.Routing;

/// <summary>
/// A trigger row of an intent: when the case's severity is one of <see cref="Severities"/> (any when empty)
/// and it carries one of <see cref="Flags"/> (any when empty), <see cref="Rule"/> replaces the intent's row.
/// </summary>
public sealed record SeverityTrigger(
    string Id,
    IReadOnlyList<string> Severities,
    IReadOnlyList<string> Flags,
    RouteRule Rule)
{
    public bool Matches(string severity, IReadOnlySet<string> flags) =>
        (Severities.Count == 0 || Severities.Contains(severity))
        && (Flags.Count == 0 || Flags.Any(flags.Contains));
}
