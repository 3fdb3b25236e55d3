namespace Switchboard.Core.Cards.Rendering;

/// <summary>An input inside an Action.ShowCard: Input.Text ("text") or Input.ChoiceSet ("choice").</summary>
/// <param name="Id">The input id, which is also the field name the action submits ("editedText", "newIntent").</param>
internal sealed record CardInput(
    string Id,
    string Kind,
    string? Label,
    string? Value,
    bool IsMultiline,
    int? MaxLength,
    IReadOnlyList<CardChoice> Choices)
{
    public const string Text = "text";
    public const string Choice = "choice";
}
