namespace Switchboard.Core.Triage.Evaluation;

/// <summary>Precision, recall and F1 of one intent.</summary>
public sealed record IntentMetrics(string Intent, int Support, int Predicted, double Precision, double Recall, double F1);
