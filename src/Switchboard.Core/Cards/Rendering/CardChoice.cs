namespace Switchboard.Core.Cards.Rendering;

/// <summary>One choice of an Input.ChoiceSet.</summary>
internal sealed record CardChoice(string Title, string Value);
