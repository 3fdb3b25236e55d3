namespace Switchboard.Core.Cards.Rendering;

/// <summary>One piece of card content: a line of text or a set of facts.</summary>
internal abstract record CardBlock
{
    /// <param name="Text">Adaptive Card markdown-ish text as written in the card.</param>
    /// <param name="Emphasis">"bold" for weight Bolder, "subtle" for isSubtle, otherwise null.</param>
    internal sealed record Text(string Value, string? Emphasis) : CardBlock;

    internal sealed record Facts(IReadOnlyList<CardFact> Items) : CardBlock;
}
