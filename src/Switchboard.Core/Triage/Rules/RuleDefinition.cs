namespace Switchboard.Core.Triage.Rules;

/// <summary>One rule of the rules file. See docs/triage.md for the format.</summary>
internal sealed class RuleDefinition
{
    /// <summary>Stable id, shown in reasons and in DecidedBy (e.g. "legal.threat").</summary>
    public string? Id { get; set; }

    public string? Description { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>Phrases matched on tokens: words separated by spaces, "word*" a prefix, "@handle" a handle.</summary>
    public List<string> Phrases { get; set; } = [];

    /// <summary>The intent the rule points to, if any.</summary>
    public string? Intent { get; set; }

    /// <summary>True: the rule decides the intent. False: it only adds <see cref="Boost"/> to the model's score.</summary>
    public bool Force { get; set; }

    /// <summary>Added to the intent's logit when the rule is a hint (default 1.5).</summary>
    public float Boost { get; set; } = 1.5f;

    /// <summary>Minimum severity when the rule fires.</summary>
    public string? Severity { get; set; }

    public bool NeedsHuman { get; set; }

    /// <summary>Owner team the routing stage must use, whatever its matrix says.</summary>
    public string? Owner { get; set; }

    /// <summary>Fire only when the decided intent is one of these (empty: always).</summary>
    public List<string> WhenIntent { get; set; } = [];
}
