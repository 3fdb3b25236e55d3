namespace Switchboard.Core.Routing.Yaml;

internal sealed class ApprovalDocument
{
    public string? Policy { get; set; }

    public double? MinConfidence { get; set; }

    public string? Role { get; set; }
}
