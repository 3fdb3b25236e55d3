namespace Switchboard.Core.Cards.Rendering;

/// <summary>A title/value pair from a FactSet.</summary>
internal sealed record CardFact(string Title, string Value);
