namespace Switchboard.Core.Routing.Sla;

public enum SlaAlertKind
{
    Warning,
    Breach,
}
