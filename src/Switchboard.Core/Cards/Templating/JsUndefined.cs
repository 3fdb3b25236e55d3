namespace Switchboard.Core.Cards.Templating;

/// <summary>
/// JavaScript's <c>undefined</c>: a path that leads nowhere. The reference engine tells it apart from
/// <c>null</c> (an undefined path is substituted by its own <c>${path}</c> text, a null one is not), so we do too.
/// </summary>
internal sealed class JsUndefined
{
    public static readonly JsUndefined Value = new();

    private JsUndefined()
    {
    }

    public override string ToString() => "undefined";
}
