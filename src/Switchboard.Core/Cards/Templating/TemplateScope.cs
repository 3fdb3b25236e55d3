namespace Switchboard.Core.Cards.Templating;

/// <summary>
/// What names mean while a node is expanded: <c>$root</c> (the whole data), <c>$data</c> (the current
/// data context; <see cref="JsUndefined"/> means "not set", which reads as <c>$root</c>) and
/// <c>$index</c> (the position inside the nearest repeated array, undefined outside one).
/// </summary>
internal sealed record TemplateScope(object? Root, object? Data, object? Index)
{
    public object? CurrentData => JsValues.IsUndefined(Data) ? Root : Data;
}
