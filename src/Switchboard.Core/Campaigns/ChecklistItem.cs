namespace Switchboard.Core.Campaigns;

/// <summary>A launch checklist task; <see cref="Offset"/> is its due time relative to go-live (T-24h is −24 hours).</summary>
public sealed record ChecklistItem(string Id, string Phase, string Task, string Owner, string Deliverable, string Due, TimeSpan Offset)
{
    public DateTimeOffset DueAt(DateTimeOffset goLive) => goLive + Offset;
}
