namespace Switchboard.Core.Routing.Sla;

public static class SlaClockKinds
{
    public const string FirstResponse = "first_response";
    public const string Resolution = "resolution";
}
