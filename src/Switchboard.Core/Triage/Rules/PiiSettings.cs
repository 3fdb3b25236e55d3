namespace Switchboard.Core.Triage.Rules;

/// <summary>The personal-data part of the rules file.</summary>
internal sealed class PiiSettings
{
    /// <summary>Minimum severity for a message carrying a payment card or IBAN.</summary>
    public string FinancialSeverity { get; set; } = "high";

    /// <summary>Minimum severity for any personal data in a public message (it must be hidden quickly).</summary>
    public string PublicSeverity { get; set; } = "high";

    public bool DetectStreetAddress { get; set; } = true;

    /// <summary>Extra patterns (order and tracking numbers, member ids …), matched with .NET regular expressions.</summary>
    public List<PiiPatternDefinition> Patterns { get; set; } = [];
}
