namespace Switchboard.Core.Campaigns;

/// <summary>A top question with its approved answer; keywords help match customer wording to it.</summary>
public sealed record ApprovedAnswer(string Question, IReadOnlyList<string> Keywords, string Answer);
