namespace Switchboard.Core.Triage.Model;

/// <summary>One labeled message from a training, evaluation or corrections file.</summary>
public sealed record LabeledExample(string Id, string Text, string Intent, string? Severity, string Source);
