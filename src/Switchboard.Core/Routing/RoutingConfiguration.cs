namespace Switchboard.Core.Routing;

/// <summary>The validated matrix and team directory routing runs on.</summary>
public sealed record RoutingConfiguration(EscalationMatrix Matrix, TeamDirectory Teams);
