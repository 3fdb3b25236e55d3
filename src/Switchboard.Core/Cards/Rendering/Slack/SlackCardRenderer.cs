using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Switchboard.Core.Connectors;

namespace Switchboard.Core.Cards.Rendering.Slack;

/// <summary>
/// Renders an expanded Adaptive Card as a Slack message: <c>{"text": fallback, "blocks": [...]}</c>.
/// Block Kit limits are respected (50 blocks a message, 25 elements an actions block, 3000 characters a
/// section, 150 a header, 75 a button label, 255 an action_id, 2000 a value); content is trimmed before
/// actions so the buttons always survive. Every <c>Action.Execute</c> becomes a button whose value is the
/// action's opaque <c>data.token</c> and whose action_id is <c>sb.{verb}.{token}</c>, so the connector
/// knows an Edit (which opens a modal) without a lookup. A Retag action next to an <c>Input.ChoiceSet</c>
/// becomes a select whose options are the choices. The element with id <c>draft</c> is rendered as a
/// plain-text section with block_id <see cref="DraftBlockId"/>, which the Edit modal starts from.
/// </summary>
public sealed partial class SlackCardRenderer : ICardSurfaceRenderer
{
    public const string ActionIdPrefix = "sb.";
    public const string LinkActionIdPrefix = "link.";
    public const string DraftBlockId = "sb_draft";
    public const string RetagVerb = "retag";
    public const int MaxBlocks = 50;
    public const int MaxSectionText = 3000;
    public const int MaxHeaderText = 150;
    public const int MaxButtonText = 75;
    public const int MaxActionId = 255;
    public const int MaxValue = 2000;
    public const int MaxFieldText = 2000;
    public const int MaxFields = 10;
    public const int MaxActionsPerBlock = 25;
    public const int MaxOptions = 100;
    public const int MaxOptionValue = 150;
    public const int MaxFallbackText = 3000;

    public string Surface => "slack";

    public JsonObject Render(CardPayload card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var state = new RenderState();
        foreach (var element in Items(card.Card["body"]))
        {
            RenderElement(element, state);
        }

        CollectActions(card.Card["actions"], state);
        var blocks = Assemble(state);
        return new JsonObject
        {
            ["text"] = Truncate(card.FallbackText, MaxFallbackText),
            ["blocks"] = blocks,
        };
    }

    /// <summary>Builds a button's action_id from an action's verb and token.</summary>
    public static string ActionId(string verb, string token) => Truncate(ActionIdPrefix + SafeVerb(verb) + "." + token, MaxActionId);

    /// <summary>Splits an action_id made by <see cref="ActionId"/> back into verb and token; false for foreign ids.</summary>
    public static bool TryParseActionId(string? actionId, out string verb, out string token)
    {
        verb = token = string.Empty;
        if (actionId is null || !actionId.StartsWith(ActionIdPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = actionId[ActionIdPrefix.Length..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0)
        {
            return false;
        }

        verb = rest[..dot];
        token = rest[(dot + 1)..];
        return true;
    }

    private static void RenderElement(JsonObject element, RenderState state)
    {
        var type = Str(element, "type");
        var isDraft = Str(element, "id") == "draft";
        switch (type)
        {
            case "TextBlock" when isDraft:
            case "Input.Text" when isDraft:
                var draft = Str(element, "text") ?? Str(element, "value") ?? string.Empty;
                state.Content.Add(new JsonObject
                {
                    ["type"] = "section",
                    ["block_id"] = DraftBlockId,
                    ["text"] = PlainText(draft.Length == 0 ? " " : draft, MaxSectionText),
                });
                break;
            case "TextBlock":
                RenderTextBlock(element, state);
                break;
            case "RichTextBlock":
                // Inlines are TextRun objects or bare strings.
                var inlines = element["inlines"] as JsonArray ?? [];
                AddSection(string.Concat(inlines.Select(i => i switch
                {
                    JsonObject run => Str(run, "text"),
                    JsonValue v when v.TryGetValue<string>(out var s) => s,
                    _ => null,
                })), state);
                break;
            case "FactSet":
                RenderFacts(element, state);
                break;
            case "Container":
            case "Column":
                foreach (var item in Items(element["items"]))
                {
                    RenderElement(item, state);
                }

                break;
            case "ColumnSet":
                foreach (var column in Items(element["columns"]))
                {
                    RenderElement(column, state);
                }

                break;
            case "Image" when Str(element, "url") is { } url && url.StartsWith("https://", StringComparison.OrdinalIgnoreCase):
                state.Content.Add(new JsonObject
                {
                    ["type"] = "image",
                    ["image_url"] = Truncate(url, 3000),
                    ["alt_text"] = Truncate(Str(element, "altText") ?? "image", 2000),
                });
                break;
            case "ImageSet":
                foreach (var image in Items(element["images"]))
                {
                    RenderElement(image, state);
                }

                break;
            case "Table":
                RenderTable(element, state);
                break;
            case "ActionSet":
                CollectActions(element["actions"], state);
                break;
            case "Input.ChoiceSet":
                state.Choices ??= element;
                break;
            default:
                // Inputs, tables and media have no faithful message form; the fallback text and the Edit modal cover them.
                break;
        }
    }

    private static void RenderTextBlock(JsonObject element, RenderState state)
    {
        var text = Str(element, "text");
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        var size = Str(element, "size");
        if (Str(element, "style") == "heading" || size is "large" or "extraLarge")
        {
            state.Content.Add(new JsonObject { ["type"] = "header", ["text"] = PlainText(StripMarkdown(text), MaxHeaderText) });
        }
        else if (element["isSubtle"]?.GetValueKind() == System.Text.Json.JsonValueKind.True || size == "small")
        {
            state.Content.Add(new JsonObject
            {
                ["type"] = "context",
                ["elements"] = new JsonArray(Mrkdwn(ToMrkdwn(text), MaxSectionText)),
            });
        }
        else
        {
            AddSection(text, state);
        }
    }

    private static void AddSection(string markdown, RenderState state)
    {
        if (!string.IsNullOrWhiteSpace(markdown))
        {
            state.Content.Add(new JsonObject { ["type"] = "section", ["text"] = Mrkdwn(ToMrkdwn(markdown), MaxSectionText) });
        }
    }

    // Block Kit has no table for messages: one line per row, cells joined by " | ", header row in bold.
    private static void RenderTable(JsonObject element, RenderState state)
    {
        var headerRow = element["firstRowAsHeader"]?.GetValueKind() != System.Text.Json.JsonValueKind.False;
        var lines = Items(element["rows"]).Select((row, index) =>
        {
            var cells = Items(row["cells"]).Select(cell => Escape(string.Join(' ', Items(cell["items"])
                .Select(item => StripMarkdown(Str(item, "text") ?? string.Empty)).Where(t => t.Length > 0))));
            var line = string.Join(" | ", cells);
            return index == 0 && headerRow && line.Length > 0 ? "*" + line + "*" : line;
        }).ToList();
        if (lines.Count > 0)
        {
            state.Content.Add(new JsonObject { ["type"] = "section", ["text"] = Mrkdwn(string.Join('\n', lines), MaxSectionText) });
        }
    }

    private static void RenderFacts(JsonObject element, RenderState state)
    {
        var fields = Items(element["facts"])
            .Select(f => Mrkdwn("*" + Escape(StripMarkdown(Str(f, "title") ?? string.Empty)) + "*\n" + ToMrkdwn(Str(f, "value") ?? string.Empty), MaxFieldText))
            .ToList();
        foreach (var chunk in fields.Chunk(MaxFields))
        {
            state.Content.Add(new JsonObject { ["type"] = "section", ["fields"] = new JsonArray(chunk.ToArray<JsonNode?>()) });
        }
    }

    private static void CollectActions(JsonNode? actions, RenderState state)
    {
        foreach (var action in Items(actions))
        {
            switch (Str(action, "type"))
            {
                case "Action.Execute":
                case "Action.Submit":
                    if (action["data"] is JsonObject data && Str(data, "token") is { Length: > 0 and <= MaxValue } token)
                    {
                        var verb = Str(action, "verb") ?? Str(data, "verb") ?? Str(action, "id") ?? "action";
                        state.Actions.Add(new PendingAction(action, SafeVerb(verb), token));
                    }

                    break;
                case "Action.OpenUrl" when Str(action, "url") is { } url:
                    state.Actions.Add(new PendingAction(action, null, url));
                    break;
                case "Action.ShowCard" when action["card"] is JsonObject inner:
                    // A show-card (for example Edit with a text box) flattens into its own actions; an input with
                    // id "draft" inside it still seeds the draft section.
                    foreach (var element in Items(inner["body"]))
                    {
                        if (Str(element, "id") == "draft" || Str(element, "type") == "Input.ChoiceSet")
                        {
                            RenderElement(element, state);
                        }
                    }

                    CollectActions(inner["actions"], state);
                    break;
                default:
                    break;
            }
        }
    }

    private static JsonArray Assemble(RenderState state)
    {
        var elements = state.Actions.Select((a, index) => ToElement(a, index, state.Choices)).ToList();
        var actionBlocks = elements.Chunk(MaxActionsPerBlock)
            .Select(chunk => (JsonNode)new JsonObject { ["type"] = "actions", ["elements"] = new JsonArray(chunk.ToArray<JsonNode?>()) })
            .ToList();
        var room = MaxBlocks - actionBlocks.Count;
        var content = state.Content;
        if (content.Count > room)
        {
            // Keep the buttons: drop trailing content and say so, so a reviewer knows to open the case.
            content = [.. content.Take(room - 1), new JsonObject
            {
                ["type"] = "context",
                ["elements"] = new JsonArray(Mrkdwn("_Card shortened for Slack; open the case for the rest._", MaxSectionText)),
            }];
        }

        return new JsonArray([.. content, .. actionBlocks]);
    }

    private static JsonObject ToElement(PendingAction pending, int index, JsonObject? choices)
    {
        var title = Str(pending.Action, "title") ?? pending.Verb ?? "Open";
        if (pending.Verb is null)
        {
            return new JsonObject
            {
                ["type"] = "button",
                ["text"] = PlainText(title, MaxButtonText),
                ["url"] = Truncate(pending.TokenOrUrl, 3000),
                // Slack still sends block_actions for a link button; a non-"sb." id keeps it from running anything.
                ["action_id"] = LinkActionIdPrefix + index,
            };
        }

        var actionId = ActionId(pending.Verb, pending.TokenOrUrl);
        var options = choices is null ? [] : Items(choices["choices"])
            .Where(c => Str(c, "value") is { Length: > 0 and <= MaxOptionValue })
            .Take(MaxOptions)
            .Select(c => (JsonNode)new JsonObject
            {
                ["text"] = PlainText(Str(c, "title") ?? Str(c, "value") ?? string.Empty, MaxButtonText),
                ["value"] = Str(c, "value"),
            })
            .ToList();
        if (pending.Verb == RetagVerb && options.Count > 0)
        {
            return new JsonObject
            {
                ["type"] = "static_select",
                ["action_id"] = actionId,
                ["placeholder"] = PlainText(title, 150),
                ["options"] = new JsonArray([.. options]),
            };
        }

        var button = new JsonObject
        {
            ["type"] = "button",
            ["text"] = PlainText(title, MaxButtonText),
            ["action_id"] = actionId,
            ["value"] = pending.TokenOrUrl,
        };
        switch (Str(pending.Action, "style"))
        {
            case "positive":
                button["style"] = "primary";
                break;
            case "destructive":
                button["style"] = "danger";
                break;
            default:
                break;
        }

        return button;
    }

    private static JsonObject PlainText(string text, int max) =>
        new() { ["type"] = "plain_text", ["text"] = Truncate(text, max), ["emoji"] = true };

    private static JsonObject Mrkdwn(string text, int max) => new() { ["type"] = "mrkdwn", ["text"] = Truncate(text, max) };

    /// <summary>Adaptive Card markdown to Slack mrkdwn: escape &amp;, &lt;, &gt;; **bold** → *bold*; [text](url) → &lt;url|text&gt;.</summary>
    public static string ToMrkdwn(string markdown)
    {
        var text = Escape(markdown);
        text = BoldPattern().Replace(text, "*$1*");
        return LinkPattern().Replace(text, "<$2|$1>");
    }

    public static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string StripMarkdown(string text) => BoldPattern().Replace(text, "$1");

    public static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut), "…");
    }

    private static string SafeVerb(string verb)
    {
        var safe = new string([.. verb.ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')]);
        return safe.Length == 0 ? "action" : safe[..Math.Min(safe.Length, 64)];
    }

    private static IEnumerable<JsonObject> Items(JsonNode? node) => node is JsonArray array ? array.OfType<JsonObject>() : [];

    private static string? Str(JsonObject obj, string name) =>
        obj[name] is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex BoldPattern();

    [GeneratedRegex(@"\[([^\]]+)\]\((https?://[^)\s]+)\)")]
    private static partial Regex LinkPattern();

    private sealed record PendingAction(JsonObject Action, string? Verb, string TokenOrUrl);

    private sealed class RenderState
    {
        public List<JsonNode> Content { get; } = [];

        public List<PendingAction> Actions { get; } = [];

        public JsonObject? Choices { get; set; }
    }
}
