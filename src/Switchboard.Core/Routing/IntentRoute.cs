namespace Switchboard.Core.Routing;

/// <summary>An intent's row of the matrix with its trigger rows, checked in file order (the first match wins).</summary>
public sealed record IntentRoute(string Intent, RouteRule Default, IReadOnlyList<SeverityTrigger> Triggers)
{
    public (RouteRule Rule, SeverityTrigger? Trigger) Resolve(string severity, IReadOnlySet<string> flags)
    {
        foreach (var trigger in Triggers)
        {
            if (trigger.Matches(severity, flags))
            {
                return (trigger.Rule, trigger);
            }
        }

        return (Default, null);
    }
}
