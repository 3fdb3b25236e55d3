using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Switchboard.Core.Connectors;

namespace Switchboard.Core.Cards.Rendering.Telegram;

/// <summary>
/// Renders an expanded Adaptive Card as a Telegram message: <c>{"text": HTML, "parse_mode": "HTML",
/// "reply_markup": {"inline_keyboard": [...]}}</c>. Only tags Telegram's HTML mode accepts are produced
/// (b, i, u, s, code, pre, a, blockquote), and every piece of card text is escaped. Each Action.Execute (or
/// Action.Submit) button carries its <c>data.token</c> in callback_data behind a short prefix; Edit actions (verb
/// "edit") get <see cref="EditPrefix"/> so the connector can ask for the new text with a force-reply, and Retag actions
/// (verb "retag") get <see cref="RetagPrefix"/> so it can offer the intents as buttons.
/// </summary>
public sealed partial class TelegramCardRenderer : ICardSurfaceRenderer
{
    /// <summary>callback_data prefix of an ordinary card action.</summary>
    public const string ActionPrefix = "sb:";

    /// <summary>callback_data prefix of an Edit action: the reviewer's next reply becomes the edited text.</summary>
    public const string EditPrefix = "sbe:";

    /// <summary>callback_data prefix of a Retag action: the connector offers the intents as buttons.</summary>
    public const string RetagPrefix = "sbr:";

    /// <summary>Telegram's limit for one message's text.</summary>
    public const int MaxTextLength = 4096;

    private const int MaxCallbackDataBytes = 64;
    private const int ButtonsPerRow = 3;

    // Leaves room for the "…" line when a card is too long for one message.
    private const int TextBudget = MaxTextLength - 16;

    public string Surface => "telegram";

    public JsonObject Render(CardPayload card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var blocks = new List<string>();
        var buttons = new List<JsonObject>();
        RenderElements(card.Card["body"] as JsonArray, blocks, buttons);
        CollectActions(card.Card["actions"] as JsonArray, buttons);

        var text = Join(blocks);
        if (text.Length == 0)
        {
            text = Escape(card.FallbackText.Length > TextBudget ? card.FallbackText[..TextBudget] : card.FallbackText);
        }

        var keyboard = new JsonArray();
        foreach (var row in buttons.Chunk(ButtonsPerRow))
        {
            keyboard.Add(new JsonArray([.. row]));
        }

        return new JsonObject
        {
            ["text"] = text,
            ["parse_mode"] = "HTML",
            ["reply_markup"] = new JsonObject { ["inline_keyboard"] = keyboard },
        };
    }

    /// <summary>Escapes text for Telegram HTML: only &amp;, &lt;, &gt; and &quot; are entities there.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal);

    private static string Join(List<string> blocks)
    {
        var text = new StringBuilder();
        foreach (var block in blocks)
        {
            // Whole blocks only, so a cut never lands inside a tag or an entity.
            if (text.Length + block.Length + 1 > TextBudget)
            {
                text.Append("\n…");
                break;
            }

            if (text.Length > 0)
            {
                text.Append('\n');
            }

            text.Append(block);
        }

        return text.ToString().Trim('\n');
    }

    private static void RenderElements(JsonArray? elements, List<string> blocks, List<JsonObject> buttons)
    {
        foreach (var element in (elements ?? []).OfType<JsonObject>())
        {
            if (element["isVisible"]?.GetValueKind() == System.Text.Json.JsonValueKind.False)
            {
                continue;
            }

            if (element["separator"]?.GetValueKind() == System.Text.Json.JsonValueKind.True && blocks.Count > 0)
            {
                blocks.Add(string.Empty);
            }

            switch (Str(element, "type"))
            {
                case "TextBlock":
                    blocks.Add(TextBlock(element));
                    break;
                case "RichTextBlock":
                    blocks.Add(RichText(element["inlines"] as JsonArray));
                    break;
                case "FactSet":
                    foreach (var fact in (element["facts"] as JsonArray ?? []).OfType<JsonObject>())
                    {
                        blocks.Add($"<b>{Escape(Limit(Str(fact, "title")))}:</b> {Markdown(Limit(Str(fact, "value")))}");
                    }

                    break;
                case "Container":
                    RenderElements(element["items"] as JsonArray, blocks, buttons);
                    break;
                case "ColumnSet":
                    foreach (var column in (element["columns"] as JsonArray ?? []).OfType<JsonObject>())
                    {
                        RenderElements(column["items"] as JsonArray, blocks, buttons);
                    }

                    break;
                case "Table":
                    foreach (var row in (element["rows"] as JsonArray ?? []).OfType<JsonObject>())
                    {
                        var cells = new List<string>();
                        foreach (var cell in (row["cells"] as JsonArray ?? []).OfType<JsonObject>())
                        {
                            var cellBlocks = new List<string>();
                            RenderElements(cell["items"] as JsonArray, cellBlocks, buttons);
                            cells.Add(string.Join(' ', cellBlocks));
                        }

                        blocks.Add(string.Join(" | ", cells));
                    }

                    break;
                case "Image":
                    if (SafeUrl(Str(element, "url")) is { } imageUrl)
                    {
                        var alt = Str(element, "altText");
                        blocks.Add($"<a href=\"{Escape(imageUrl)}\">{Escape(alt.Length > 0 ? alt : "image")}</a>");
                    }

                    break;
                case "ActionSet":
                    CollectActions(element["actions"] as JsonArray, buttons);
                    break;
                default:
                    // Inputs and media cannot be shown in a Telegram message; the card's buttons still work.
                    break;
            }
        }
    }

    private static string TextBlock(JsonObject element)
    {
        var text = Markdown(Limit(Str(element, "text")));
        var size = Str(element, "size");
        if (Str(element, "weight").Equals("bolder", StringComparison.OrdinalIgnoreCase)
            || size.Equals("large", StringComparison.OrdinalIgnoreCase)
            || size.Equals("extraLarge", StringComparison.OrdinalIgnoreCase)
            || Str(element, "style").Equals("heading", StringComparison.OrdinalIgnoreCase))
        {
            return $"<b>{text}</b>";
        }

        return element["isSubtle"]?.GetValueKind() == System.Text.Json.JsonValueKind.True ? $"<i>{text}</i>" : text;
    }

    private static string RichText(JsonArray? inlines)
    {
        var text = new StringBuilder();
        foreach (var inline in inlines ?? [])
        {
            if (inline is JsonValue value && value.TryGetValue<string>(out var plain))
            {
                text.Append(Escape(Limit(plain)));
                continue;
            }

            if (inline is not JsonObject run)
            {
                continue;
            }

            var part = Escape(Limit(Str(run, "text")));
            if (Flag(run, "strikethrough"))
            {
                part = $"<s>{part}</s>";
            }

            if (Flag(run, "underline"))
            {
                part = $"<u>{part}</u>";
            }

            if (Flag(run, "italic"))
            {
                part = $"<i>{part}</i>";
            }

            if (Str(run, "weight").Equals("bolder", StringComparison.OrdinalIgnoreCase))
            {
                part = $"<b>{part}</b>";
            }

            if (Str(run, "fontType").Equals("monospace", StringComparison.OrdinalIgnoreCase))
            {
                part = $"<code>{part}</code>";
            }

            text.Append(part);
        }

        return text.ToString();
    }

    private static void CollectActions(JsonArray? actions, List<JsonObject> buttons)
    {
        foreach (var action in (actions ?? []).OfType<JsonObject>())
        {
            if (action["isEnabled"]?.GetValueKind() == System.Text.Json.JsonValueKind.False)
            {
                continue;
            }

            var title = Str(action, "title");
            switch (Str(action, "type"))
            {
                case "Action.Execute" or "Action.Submit":
                    var data = action["data"] as JsonObject;
                    var token = data is null ? string.Empty : Str(data, "token");
                    if (token.Length == 0)
                    {
                        // Without a token the press could not be traced to a case; such a button would only mislead.
                        continue;
                    }

                    var prefix = Verb(action, data!) switch
                    {
                        "edit" => EditPrefix,
                        "retag" => RetagPrefix,
                        _ => ActionPrefix,
                    };
                    var callback = prefix + token;
                    if (Encoding.UTF8.GetByteCount(callback) > MaxCallbackDataBytes)
                    {
                        throw new ArgumentException(
                            $"Action token of '{title}' does not fit Telegram's {MaxCallbackDataBytes}-byte callback_data.",
                            nameof(actions));
                    }

                    buttons.Add(new JsonObject { ["text"] = ButtonText(title, "Act"), ["callback_data"] = callback });
                    break;
                case "Action.OpenUrl":
                    if (SafeUrl(Str(action, "url")) is { } url)
                    {
                        buttons.Add(new JsonObject { ["text"] = ButtonText(title, "Open"), ["url"] = url });
                    }

                    break;
                default:
                    // Action.ShowCard needs inputs Telegram has no place for; Action.ToggleVisibility has no meaning here.
                    break;
            }
        }
    }

    // Edit and Retag need more than a press (new text, a new intent), so the connector must recognise them.
    private static string Verb(JsonObject action, JsonObject data)
    {
        var verb = Str(action, "verb");
        if (verb.Length == 0)
        {
            verb = Str(data, "action");
        }

        if (verb.Length == 0)
        {
            verb = Str(data, "verb");
        }

        return verb.ToLowerInvariant();
    }

    // Button labels are plain text (no parse mode) and Telegram wants them non-empty.
    private static string ButtonText(string title, string fallback) =>
        title.Length == 0 ? fallback : title.Length > 64 ? title[..63] + "…" : title;

    /// <summary>The Adaptive Card markdown subset we keep: **bold** and [text](https://…) links; everything else stays literal.</summary>
    private static string Markdown(string text)
    {
        var escaped = Escape(text);
        escaped = BoldPattern().Replace(escaped, m => $"<b>{m.Groups[1].Value}</b>");
        return LinkPattern().Replace(escaped, m => $"<a href=\"{m.Groups[2].Value}\">{m.Groups[1].Value}</a>");
    }

    private static string? SafeUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.AbsoluteUri
            : null;

    // One runaway field must not push every other block off the card.
    private static string Limit(string text) => text.Length > 3000 ? text[..3000] + "…" : text;

    private static bool Flag(JsonObject node, string name) =>
        node[name]?.GetValueKind() == System.Text.Json.JsonValueKind.True;

    private static string Str(JsonObject node, string name) =>
        node[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : string.Empty;

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex BoldPattern();

    [GeneratedRegex(@"\[([^\[\]]+)\]\((https?://[^\s()<>""]+)\)")]
    private static partial Regex LinkPattern();
}
