namespace Switchboard.Core.Routing.Yaml;

internal sealed class VisibilityDocument
{
    public List<string>? VipHandles { get; set; }

    public long? FollowerThreshold { get; set; }

    public int? RepliesPerHour { get; set; }

    public int? RepostsPerHour { get; set; }

    public List<string>? RaiseSeverityFor { get; set; }
}
