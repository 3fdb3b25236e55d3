namespace Switchboard.Core.Cards.Rendering;

/// <summary>
/// A surface-neutral reading of an expanded Adaptive Card: what renderers for surfaces without Adaptive Cards
/// (Discord, Slack, Telegram) need. Built by <see cref="CardReader"/>.
/// </summary>
/// <param name="Title">The heading (the first TextBlock with style "heading"), if any.</param>
/// <param name="Accent">The first non-default Container style: "attention", "warning", "good", "accent" or "emphasis".</param>
/// <param name="Blocks">Text and fact sets in reading order, the heading excluded.</param>
/// <param name="Actions">Every action a person can take, ShowCard forms folded into the action they submit.</param>
internal sealed record CardDocument(
    string? Title,
    string? Accent,
    IReadOnlyList<CardBlock> Blocks,
    IReadOnlyList<CardAction> Actions);
