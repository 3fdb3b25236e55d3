namespace Switchboard.Core.Triage.Rules;

/// <summary>A configured personal-data pattern; the span is group "value" when present, else the whole match.</summary>
internal sealed class PiiPatternDefinition
{
    public string? Id { get; set; }

    public string? Type { get; set; }

    public string? Regex { get; set; }
}
