using System.Text.Json.Nodes;

namespace Switchboard.Core.Cards.Rendering;

/// <summary>
/// Reads an expanded Adaptive Card into a <see cref="CardDocument"/>. It understands the elements the
/// templates in cards/ use (TextBlock, FactSet, Container, ColumnSet/Column, ActionSet, Action.Execute,
/// Action.Submit, Action.ShowCard with Input.Text/Input.ChoiceSet, Action.OpenUrl) and skips the rest.
/// </summary>
internal static class CardReader
{
    public static CardDocument Read(JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var state = new ReadState();
        ReadElements(card["body"] as JsonArray, state);
        ReadActions(card["actions"] as JsonArray, state);
        return new CardDocument(state.Title, state.Accent, state.Blocks, state.Actions);
    }

    private static void ReadElements(JsonArray? elements, ReadState state)
    {
        if (elements is null)
        {
            return;
        }

        foreach (var element in elements.OfType<JsonObject>())
        {
            switch (Str(element, "type"))
            {
                case "TextBlock":
                    var text = Str(element, "text");
                    if (string.IsNullOrEmpty(text))
                    {
                        break;
                    }

                    if (state.Title is null && Str(element, "style") == "heading")
                    {
                        state.Title = text;
                        break;
                    }

                    var emphasis = Str(element, "weight") is { } w && w.Equals("bolder", StringComparison.OrdinalIgnoreCase) ? "bold"
                        : element["isSubtle"] is JsonValue s && s.TryGetValue(out bool subtle) && subtle ? "subtle"
                        : null;
                    state.Blocks.Add(new CardBlock.Text(text, emphasis));
                    break;
                case "FactSet":
                    var facts = (element["facts"] as JsonArray ?? [])
                        .OfType<JsonObject>()
                        .Select(f => new CardFact(Str(f, "title") ?? string.Empty, Str(f, "value") ?? string.Empty))
                        .ToList();
                    if (facts.Count > 0)
                    {
                        state.Blocks.Add(new CardBlock.Facts(facts));
                    }

                    break;
                case "Container":
                    if (state.Accent is null && Str(element, "style") is { } style && style != "default")
                    {
                        state.Accent = style;
                    }

                    ReadElements(element["items"] as JsonArray, state);
                    break;
                case "ColumnSet":
                    foreach (var column in (element["columns"] as JsonArray ?? []).OfType<JsonObject>())
                    {
                        ReadElements(column["items"] as JsonArray, state);
                    }

                    break;
                case "ActionSet":
                    ReadActions(element["actions"] as JsonArray, state);
                    break;
            }
        }
    }

    private static void ReadActions(JsonArray? actions, ReadState state)
    {
        if (actions is null)
        {
            return;
        }

        foreach (var action in actions.OfType<JsonObject>())
        {
            var title = Str(action, "title") ?? string.Empty;
            switch (Str(action, "type"))
            {
                case "Action.Execute":
                    state.Actions.Add(new CardAction(CardAction.Execute, title, Str(action, "verb"), Token(action), Str(action, "style"), null, null));
                    break;
                case "Action.Submit":
                    state.Actions.Add(new CardAction(CardAction.Execute, title, action["data"] is JsonObject d ? Str(d, "verb") : null, Token(action), Str(action, "style"), null, null));
                    break;
                case "Action.OpenUrl":
                    state.Actions.Add(new CardAction(CardAction.OpenUrl, title, null, null, Str(action, "style"), Str(action, "url"), null));
                    break;
                case "Action.ShowCard" when action["card"] is JsonObject inner:
                    ReadShowCard(title, Str(action, "style"), inner, state);
                    break;
            }
        }
    }

    /// <summary>A ShowCard form (inputs + submit) becomes one action that carries its first input.</summary>
    private static void ReadShowCard(string title, string? style, JsonObject inner, ReadState state)
    {
        var input = (inner["body"] as JsonArray ?? []).OfType<JsonObject>().Select(ReadInput).FirstOrDefault(i => i is not null);
        var nested = new ReadState();
        ReadActions(inner["actions"] as JsonArray, nested);
        foreach (var action in nested.Actions)
        {
            state.Actions.Add(action.Kind == CardAction.Execute && input is not null
                ? action with { Title = title, Style = style, Input = input }
                : action);
        }
    }

    private static CardInput? ReadInput(JsonObject element)
    {
        var id = Str(element, "id");
        if (id is null)
        {
            return null;
        }

        var maxLength = element["maxLength"] is JsonValue m && m.TryGetValue(out double max) ? (int?)max : null;
        var multiline = element["isMultiline"] is JsonValue ml && ml.TryGetValue(out bool isMultiline) && isMultiline;
        return Str(element, "type") switch
        {
            "Input.Text" => new CardInput(id, CardInput.Text, Str(element, "label"), Str(element, "value"), multiline, maxLength, []),
            "Input.ChoiceSet" => new CardInput(
                id,
                CardInput.Choice,
                Str(element, "label"),
                Str(element, "value"),
                false,
                null,
                (element["choices"] as JsonArray ?? []).OfType<JsonObject>()
                    .Select(c => new CardChoice(Str(c, "title") ?? string.Empty, Str(c, "value") ?? string.Empty))
                    .ToList()),
            _ => null,
        };
    }

    private static string? Token(JsonObject action) => action["data"] is JsonObject data ? Str(data, "token") : null;

    private static string? Str(JsonObject obj, string name) =>
        obj[name] is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    private sealed class ReadState
    {
        public string? Title { get; set; }

        public string? Accent { get; set; }

        public List<CardBlock> Blocks { get; } = [];

        public List<CardAction> Actions { get; } = [];
    }
}
