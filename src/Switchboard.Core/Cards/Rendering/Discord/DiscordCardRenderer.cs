using System.Text;
using System.Text.Json.Nodes;
using Switchboard.Core.Connectors;

namespace Switchboard.Core.Cards.Rendering.Discord;

/// <summary>
/// Renders a card as a Discord message: one embed (heading as title, text as description, facts as inline
/// fields, the card's accent as colour) and action rows of buttons. Output:
/// <c>{"message": &lt;POST /channels/{id}/messages body&gt;, "modals": {"&lt;button custom_id&gt;": &lt;modal callback data&gt;}}</c>.
/// Button custom_ids are <c>sb:&lt;verb&gt;:&lt;token&gt;</c>. An action with a text input (Edit) gets a
/// <c>sbm:&lt;verb&gt;:&lt;token&gt;</c> button: the connector answers its click with the modal stored under that id
/// (callback type 9), whose own custom_id is <c>sb:&lt;verb&gt;:&lt;token&gt;</c> and whose text input's custom_id is the
/// card input's id ("editedText"). An action with a choice input (Retag) is a string select in its own row.
/// Mentions are switched off (<c>allowed_mentions.parse = []</c>) so a customer's "@everyone" pings nobody.
/// </summary>
internal sealed class DiscordCardRenderer : ICardSurfaceRenderer
{
    public const string ActionPrefix = "sb:";
    public const string ModalPrefix = "sbm:";

    // Limits from the Discord API reference (embeds, components, modals).
    public const int MaxCustomId = 100;
    public const int MaxTitle = 256;
    public const int MaxDescription = 4096;
    public const int MaxFields = 25;
    public const int MaxFieldName = 256;
    public const int MaxFieldValue = 1024;
    public const int MaxEmbedTotal = 6000;
    public const int MaxButtonLabel = 80;
    public const int MaxRows = 5;
    public const int MaxButtonsPerRow = 5;
    public const int MaxSelectOptions = 25;
    public const int MaxOptionText = 100;
    public const int MaxPlaceholder = 150;
    public const int MaxModalTitle = 45;
    public const int MaxLabel = 45;
    public const int MaxTextInput = 4000;
    public const int MaxUrl = 512;

    public string Surface => "discord";

    public JsonObject Render(CardPayload card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var document = CardReader.Read(card.Card);
        var modals = new JsonObject();
        var message = new JsonObject
        {
            ["embeds"] = new JsonArray(BuildEmbed(document, card.FallbackText)),
            ["components"] = BuildComponents(document, modals),
            ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() },
        };
        return new JsonObject { ["message"] = message, ["modals"] = modals };
    }

    /// <summary>Splits a custom_id from a button, select or modal submission back into verb and token.</summary>
    public static bool TryParseCustomId(string customId, out string verb, out string token, out bool opensModal)
    {
        ArgumentNullException.ThrowIfNull(customId);
        opensModal = customId.StartsWith(ModalPrefix, StringComparison.Ordinal);
        var rest = opensModal ? customId[ModalPrefix.Length..]
            : customId.StartsWith(ActionPrefix, StringComparison.Ordinal) ? customId[ActionPrefix.Length..]
            : null;
        var colon = rest?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (rest is null || colon <= 0 || colon == rest.Length - 1)
        {
            verb = token = string.Empty;
            return false;
        }

        verb = rest[..colon];
        token = rest[(colon + 1)..];
        return true;
    }

    public static string CustomId(string prefix, string verb, string token)
    {
        var id = prefix + verb + ":" + token;
        return id.Length <= MaxCustomId
            ? id
            : throw new InvalidOperationException($"Discord custom_id for '{verb}' is {id.Length} characters; the limit is {MaxCustomId}.");
    }

    private static JsonObject BuildEmbed(CardDocument document, string fallbackText)
    {
        var title = SurfaceText.Truncate(document.Title ?? fallbackText, MaxTitle);
        var facts = new List<(string Name, string Value)>();
        var description = new StringBuilder();
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case CardBlock.Text text:
                    if (description.Length > 0)
                    {
                        description.Append('\n');
                    }

                    description.Append(text.Emphasis switch
                    {
                        "bold" => "**" + text.Value + "**",
                        "subtle" => "-# " + text.Value,
                        _ => text.Value,
                    });
                    break;
                case CardBlock.Facts set:
                    facts.AddRange(set.Items.Take(MaxFields - facts.Count).Select(f =>
                        (SurfaceText.Truncate(NonEmpty(f.Title), MaxFieldName), SurfaceText.Truncate(NonEmpty(f.Value), MaxFieldValue))));
                    break;
            }
        }

        // The whole embed must stay within 6000 characters. Field values share what the title, the field names
        // and up to 1000 characters of description leave; the description then takes the rest.
        var descriptionReserve = Math.Min(description.Length, 1000);
        var valueRoom = MaxEmbedTotal - title.Length - descriptionReserve - facts.Sum(f => f.Name.Length);
        if (facts.Count > 0 && facts.Sum(f => f.Value.Length) > valueRoom)
        {
            var cap = Math.Max(1, valueRoom / facts.Count);
            facts = facts.Select(f => (f.Name, SurfaceText.Truncate(f.Value, cap))).ToList();
        }

        var fields = new JsonArray(facts
            .Select(f => (JsonNode?)new JsonObject { ["name"] = f.Name, ["value"] = f.Value, ["inline"] = true })
            .ToArray());
        var room = Math.Min(MaxDescription, MaxEmbedTotal - title.Length - facts.Sum(f => f.Name.Length + f.Value.Length));
        var embed = new JsonObject { ["title"] = title };
        if (description.Length > 0 && room > 0)
        {
            embed["description"] = SurfaceText.Truncate(description.ToString(), room);
        }

        embed["color"] = AccentColor(document.Accent);
        if (fields.Count > 0)
        {
            embed["fields"] = fields;
        }

        return embed;
    }

    private static JsonArray BuildComponents(CardDocument document, JsonObject modals)
    {
        var buttons = new List<JsonObject>();
        var selectRows = new List<JsonObject>();
        foreach (var action in document.Actions)
        {
            if (action.Kind == CardAction.OpenUrl)
            {
                if (action.Url is { Length: > 0 and <= MaxUrl } url && Uri.TryCreate(url, UriKind.Absolute, out _))
                {
                    buttons.Add(new JsonObject { ["type"] = 2, ["style"] = 5, ["label"] = Label(action.Title), ["url"] = url });
                }

                continue;
            }

            if (action.Verb is null || action.Token is null)
            {
                continue;
            }

            switch (action.Input?.Kind)
            {
                case CardInput.Choice:
                    selectRows.Add(new JsonObject
                    {
                        ["type"] = 1,
                        ["components"] = new JsonArray(BuildSelect(action, action.Input)),
                    });
                    break;
                case CardInput.Text:
                    var opener = CustomId(ModalPrefix, action.Verb, action.Token);
                    buttons.Add(Button(action, opener));
                    modals[opener] = BuildModal(action, action.Input);
                    break;
                default:
                    buttons.Add(Button(action, CustomId(ActionPrefix, action.Verb, action.Token)));
                    break;
            }
        }

        var rows = new JsonArray();
        foreach (var chunk in buttons.Chunk(MaxButtonsPerRow))
        {
            rows.Add(new JsonObject { ["type"] = 1, ["components"] = new JsonArray(chunk.ToArray<JsonNode?>()) });
        }

        foreach (var row in selectRows)
        {
            rows.Add(row);
        }

        while (rows.Count > MaxRows)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        return rows;
    }

    private static JsonObject Button(CardAction action, string customId) => new()
    {
        ["type"] = 2,
        ["style"] = action.Style switch
        {
            "positive" => 3,
            "destructive" => 4,
            _ => 2,
        },
        ["label"] = Label(action.Title),
        ["custom_id"] = customId,
    };

    private static JsonObject BuildSelect(CardAction action, CardInput input)
    {
        var options = new JsonArray();
        foreach (var choice in input.Choices.Where(c => c.Value.Length is > 0 and <= MaxOptionText).Take(MaxSelectOptions))
        {
            var option = new JsonObject
            {
                ["label"] = SurfaceText.Truncate(NonEmpty(choice.Title), MaxOptionText),
                ["value"] = choice.Value,
            };
            if (choice.Value == input.Value)
            {
                option["default"] = true;
            }

            options.Add(option);
        }

        return new JsonObject
        {
            ["type"] = 3,
            ["custom_id"] = CustomId(ActionPrefix, action.Verb!, action.Token!),
            ["placeholder"] = SurfaceText.Truncate(action.Title + ": " + (input.Label ?? input.Id), MaxPlaceholder),
            ["min_values"] = 1,
            ["max_values"] = 1,
            ["options"] = options,
        };
    }

    private static JsonObject BuildModal(CardAction action, CardInput input)
    {
        var textInput = new JsonObject
        {
            ["type"] = 4,
            ["custom_id"] = input.Id,
            ["style"] = input.IsMultiline ? 2 : 1,
            ["max_length"] = Math.Clamp(input.MaxLength ?? MaxTextInput, 1, MaxTextInput),
            ["required"] = true,
        };
        if (!string.IsNullOrEmpty(input.Value))
        {
            textInput["value"] = SurfaceText.Truncate(input.Value, MaxTextInput);
        }

        return new JsonObject
        {
            ["custom_id"] = CustomId(ActionPrefix, action.Verb!, action.Token!),
            ["title"] = SurfaceText.Truncate(NonEmpty(action.Title), MaxModalTitle),
            ["components"] = new JsonArray(new JsonObject
            {
                ["type"] = 18,
                ["label"] = SurfaceText.Truncate(NonEmpty(input.Label ?? action.Title), MaxLabel),
                ["component"] = textInput,
            }),
        };
    }

    private static string Label(string title) => SurfaceText.Truncate(NonEmpty(title), MaxButtonLabel);

    // Discord rejects empty field names, values and labels; a zero-width space keeps the layout.
    private static string NonEmpty(string text) => string.IsNullOrWhiteSpace(text) ? "\u200b" : text;

    private static int AccentColor(string? accent) => accent switch
    {
        "attention" => 0xD13438,
        "warning" => 0xF7A800,
        "good" => 0x2E9E44,
        "accent" => 0x0078D4,
        _ => 0x5865F2,
    };
}
