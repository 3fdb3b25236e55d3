namespace Switchboard.Core.Campaigns;

/// <summary>States of a launch-run task.</summary>
public static class LaunchTaskStates
{
    public const string Open = "open";
    public const string Done = "done";
    public const string Blocked = "blocked";
}
