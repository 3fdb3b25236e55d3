namespace Switchboard.Core.Routing.Yaml;

internal sealed class OverrideDocument
{
    public string? Id { get; set; }

    public List<string>? Flags { get; set; }

    public List<string>? AddEscalation { get; set; }

    public string? FirstResponse { get; set; }

    public ApprovalDocument? Approval { get; set; }

    public string? PublicMode { get; set; }
}
