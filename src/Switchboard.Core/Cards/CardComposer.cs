using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Core.Cards.Templating;
using Switchboard.Core.Connectors;

namespace Switchboard.Core.Cards;

/// <summary>
/// Expands a template with data into a <see cref="CardPayload"/> that connectors render: the card itself,
/// its kind and a plain-text fallback (the card's <c>fallbackText</c>). Cards stay within
/// <see cref="CardsOptions.MaxCardBytes"/>: long data texts are shortened first, and a card still too large is refused.
/// A kind with no template file falls back to the <see cref="BuiltInCardComposer"/>.
/// </summary>
public sealed class CardComposer(CardTemplates templates, IOptions<CardsOptions> options, ILogger<CardComposer> logger) : ICardComposer
{
    private readonly BuiltInCardComposer _fallback = new();

    /// <summary>Expands cards/<paramref name="kind"/>.json with <paramref name="data"/>.</summary>
    public CardPayload Compose(string kind, JsonObject data)
    {
        if (!templates.Exists(kind))
        {
            Log.NoTemplate(logger, kind);
            return _fallback.Compose(kind, data);
        }

        return Compose(kind, templates.Get(kind), data);
    }

    /// <summary>Expands an explicit template (the CLI renders any file).</summary>
    public CardPayload Compose(string kind, JsonObject template, JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(data);
        var limits = options.Value;
        var card = Expand(kind, template, data);
        var bytes = MeasureUtf16Bytes(card);
        if (bytes > limits.MaxCardBytes)
        {
            Log.CardShortened(logger, kind, bytes, limits.MaxCardBytes);
            card = Expand(kind, template, Shorten(data, limits.LongTextLimit)!);
            bytes = MeasureUtf16Bytes(card);
            if (bytes > limits.MaxCardBytes)
            {
                Log.CardTooLarge(logger, kind, bytes, limits.MaxCardBytes);
                throw new TemplateException($"The {kind} card is {bytes} bytes (UTF-16), over the {limits.MaxCardBytes}-byte limit.");
            }
        }

        var fallback = card["fallbackText"] is JsonValue v && v.TryGetValue(out string? text) && text.Length > 0 ? text : kind;
        return new CardPayload(kind, card, fallback);
    }

    /// <summary>The card's size as Teams counts it: its JSON in UTF-16.</summary>
    public static int MeasureUtf16Bytes(JsonNode card) => Encoding.Unicode.GetByteCount(card.ToJsonString());

    private static JsonObject Expand(string kind, JsonObject template, JsonNode data) =>
        TemplateEngine.Expand(template, data) as JsonObject
            ?? throw new TemplateException($"The {kind} template did not expand to a JSON object.");

    /// <summary>A copy of <paramref name="node"/> with every string longer than <paramref name="limit"/> cut to it.</summary>
    internal static JsonNode? Shorten(JsonNode? node, int limit) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Shorten(p.Value, limit)))),
        JsonArray array => new JsonArray(array.Select(n => Shorten(n, limit)).ToArray()),
        JsonValue value when value.TryGetValue(out string? s) && s.Length > limit => JsonValue.Create(Rendering.SurfaceText.Truncate(s, limit)),
        _ => node?.DeepClone(),
    };
}
