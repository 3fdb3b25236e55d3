namespace Switchboard.Core.Routing;

/// <summary>The escalation matrix: a row per intent, the visibility rules and the matrix-wide overrides.</summary>
/// <param name="Version">Written to the audit log with every routing decision.</param>
public sealed record EscalationMatrix(
    string Version,
    IReadOnlyDictionary<string, IntentRoute> Intents,
    VisibilityRules Visibility,
    IReadOnlyList<EscalationOverride> Overrides);
