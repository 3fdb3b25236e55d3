using System.Text.Json;

namespace Switchboard.Core.Triage.Jsonl;

/// <summary>
/// Lets a later stage add fields to each `triage` output line (routing adds "owner"): called after the
/// standard fields, before the object closes.
/// </summary>
public delegate void TriageExtraFields(TriageRequest request, TriageResult result, Utf8JsonWriter writer);
