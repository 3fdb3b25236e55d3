namespace Switchboard.Core.Domain;

/// <summary>An inbound message as stored, with its row id, case and processing state.</summary>
public sealed record StoredMessage(long Id, InboundMessage Message, long? CaseId, DateTimeOffset? ProcessedAt)
{
    public string? Transcript { get; init; }
    public string? TriageJson { get; init; }

    /// <summary>The text triage runs on: the message text, or the transcript of a voice note.</summary>
    public string EffectiveText => string.IsNullOrWhiteSpace(Message.Text) ? Transcript ?? string.Empty
        : Transcript is null ? Message.Text : Message.Text + "\n" + Transcript;
}
