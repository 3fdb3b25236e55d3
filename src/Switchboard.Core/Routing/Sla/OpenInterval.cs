namespace Switchboard.Core.Routing.Sla;

/// <summary>Opening hours within one local day, in minutes after midnight (end exclusive, 1440 = midnight at the end of the day).</summary>
public readonly record struct OpenInterval(int StartMinute, int EndMinute);
