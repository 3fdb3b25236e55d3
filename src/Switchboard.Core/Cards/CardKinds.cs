namespace Switchboard.Core.Cards;

public static class CardKinds
{
    public const string Review = "review";
    public const string Incident = "incident";
    public const string Sla = "sla";
    public const string Factsheet = "factsheet";
    public const string Checklist = "checklist";
    public const string Kpi = "kpi";
}
