namespace Switchboard.Core.Triage;

/// <summary>
/// Sorts one message: intent, severity, language, personal data and clustering. Implementations are
/// CPU-only and synchronous (no I/O), so the pipeline and the CLI can call them at full speed.
/// </summary>
public interface ITriageEngine
{
    TriageResult Triage(TriageRequest request);
}
