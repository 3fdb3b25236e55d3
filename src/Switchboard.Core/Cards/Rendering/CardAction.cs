namespace Switchboard.Core.Cards.Rendering;

/// <summary>
/// A button on a card. <see cref="Verb"/> and <see cref="Token"/> come from Action.Execute (or an Action.Submit's
/// data); <see cref="Input"/> is the form an Action.ShowCard wrapped around it (Edit's text, Retag's choice).
/// </summary>
/// <param name="Kind">"execute" or "openUrl".</param>
/// <param name="Title">The button label (the ShowCard's title when the action came from one).</param>
/// <param name="Verb">approve, edit, escalate, retag, … (null for openUrl).</param>
/// <param name="Token">The opaque action token, carried unchanged (null for openUrl).</param>
/// <param name="Style">"positive", "destructive" or null.</param>
/// <param name="Url">The link for openUrl.</param>
/// <param name="Input">The input the action submits, if any.</param>
internal sealed record CardAction(
    string Kind,
    string Title,
    string? Verb,
    string? Token,
    string? Style,
    string? Url,
    CardInput? Input)
{
    public const string Execute = "execute";
    public const string OpenUrl = "openUrl";
}
