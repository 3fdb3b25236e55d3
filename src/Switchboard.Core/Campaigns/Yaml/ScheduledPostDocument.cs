namespace Switchboard.Core.Campaigns.Yaml;

/// <summary>One scheduled creator post.</summary>
internal sealed class ScheduledPostDocument
{
    public string? At { get; set; }

    public string? Creator { get; set; }

    public string? Platform { get; set; }

    public long? ExpectedReach { get; set; }

    public bool PaidBoost { get; set; }

    public bool Whitelisted { get; set; }
}
