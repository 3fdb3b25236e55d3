namespace Switchboard.Core.Routing;

/// <summary>When an author or a thread counts as high-visibility, and which flags raise severity one step.</summary>
/// <param name="VipHandles">Handles (lower case, with or without '@') that are always high-visibility.</param>
/// <param name="FollowerThreshold">Authors with at least this many followers are high-visibility; null turns it off.</param>
/// <param name="RepliesPerHour">Replies in the last hour at which a thread has traction; null turns it off.</param>
/// <param name="RepostsPerHour">Reposts in the last hour at which a thread has traction; null turns it off.</param>
/// <param name="RaiseSeverityFor">Flags that raise the severity one step (at most one step in all).</param>
public sealed record VisibilityRules(
    IReadOnlySet<string> VipHandles,
    long? FollowerThreshold,
    int? RepliesPerHour,
    int? RepostsPerHour,
    IReadOnlyList<string> RaiseSeverityFor)
{
    public static readonly VisibilityRules None = new(new HashSet<string>(), null, null, null, []);

    public bool IsVip(string? handle) =>
        handle is not null && VipHandles.Contains(NormalizeHandle(handle));

    public static string NormalizeHandle(string handle) => handle.Trim().TrimStart('@').ToLowerInvariant();
}
