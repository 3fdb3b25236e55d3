using Switchboard.Core.Triage;

namespace Switchboard.Core.Routing;

/// <summary>The part of triage routing uses; build it from a <see cref="TriageResult"/> or from a reviewer's retag.</summary>
public sealed record RouteInput(string Intent, string Severity, double Confidence, bool TriageNeedsHuman, string? ClusterId)
{
    /// <summary>A team a triage rule names (legal threats → legal, safety → trust_safety): it owns the case whatever the matrix row says.</summary>
    public string? ForcedOwner { get; init; }

    public static RouteInput From(TriageResult triage)
    {
        ArgumentNullException.ThrowIfNull(triage);
        return new RouteInput(triage.Intent, triage.Severity, triage.Confidence, triage.NeedsHuman, triage.ClusterId) { ForcedOwner = triage.ForcedOwner };
    }
}
