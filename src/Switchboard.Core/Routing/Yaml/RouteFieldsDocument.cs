namespace Switchboard.Core.Routing.Yaml;

/// <summary>The fields an intent row and a trigger row share, as read from YAML (validated later, so all optional).</summary>
internal class RouteFieldsDocument
{
    public string? Owner { get; set; }

    public string? PublicMode { get; set; }

    public string? PrivateHandoff { get; set; }

    public List<string>? EscalationPath { get; set; }

    public string? FirstResponse { get; set; }

    public string? Resolution { get; set; }

    public ApprovalDocument? Approval { get; set; }

    public bool? OneReplyPerCluster { get; set; }

    public bool? Filtered { get; set; }
}
