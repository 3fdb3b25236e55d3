using System.Text.Json;
using Switchboard.Core.Triage;

namespace Switchboard.Core.Routing;

/// <summary>
/// Triage followed by the escalation matrix, for the <c>triage</c> command: the result's needsHuman also
/// reflects the matrix's approval policy, and <see cref="WriteOwner"/> adds the owning team to the output
/// line. Not thread-safe: the command triages one line at a time.
/// </summary>
public sealed class MatrixTriageEngine(ITriageEngine inner, Router router) : ITriageEngine
{
    private RoutingDecision? _last;

    public TriageResult Triage(TriageRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = inner.Triage(request);
        _last = router.Route(result, new RoutingFacts(request.Platform ?? "unknown", request.IsPublic ?? true, request.Timestamp ?? DateTimeOffset.UnixEpoch)
        {
            AuthorHandle = request.Author,
            AuthorFollowers = request.AuthorFollowers,
            Flags = RiskFlags.Detect(request.Text),
        });
        return result with { NeedsHuman = result.NeedsHuman || _last.NeedsHuman };
    }

    /// <summary>Writes "owner" (null for filtered noise) for the line just triaged.</summary>
    public void WriteOwner(TriageRequest request, TriageResult result, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (_last is { Filtered: false } decision)
        {
            writer.WriteString("owner", decision.OwnerTeam);
        }
        else
        {
            writer.WriteNull("owner");
        }
    }
}
