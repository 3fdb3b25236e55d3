namespace Switchboard.Core.Triage.Rules;

/// <summary>The YAML rules file as written (config/triage-rules.yaml); <see cref="RuleSet"/> compiles it.</summary>
internal sealed class RulesDocument
{
    public string? Version { get; set; }

    public List<RuleDefinition> Rules { get; set; } = [];

    public PiiSettings Pii { get; set; } = new();
}
