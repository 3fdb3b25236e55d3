using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchboard.Connectors.Slack;

/// <summary>
/// The Edit modal: one multiline input seeded with the draft. The action token and where the card sits
/// travel in <c>private_metadata</c> (≤3000 chars), so the view_submission needs no server-side state.
/// </summary>
internal static class SlackEditModal
{
    public const string CallbackId = "sb.edit";
    public const string InputBlockId = "sb_edit";
    public const string InputActionId = "text";
    public const int MaxInputLength = 3000;

    public static JsonObject Build(SlackEditMetadata metadata, string draft) => new()
    {
        ["type"] = "modal",
        ["callback_id"] = CallbackId,
        ["private_metadata"] = JsonSerializer.Serialize(metadata, SlackJsonContext.Default.SlackEditMetadata),
        ["title"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Edit reply" },
        ["submit"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Send reply" },
        ["close"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Cancel" },
        ["blocks"] = new JsonArray(new JsonObject
        {
            ["type"] = "input",
            ["block_id"] = InputBlockId,
            ["label"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Reply to the customer" },
            ["element"] = Input(draft),
        }),
    };

    public static SlackEditMetadata? ReadMetadata(string? privateMetadata)
    {
        if (string.IsNullOrEmpty(privateMetadata))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(privateMetadata, SlackJsonContext.Default.SlackEditMetadata);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The submitted text; tolerant of Slack sending <c>state.values</c> as [] when nothing is filled in.</summary>
    public static string? ReadSubmittedText(JsonObject view) =>
        view["state"]?["values"] is JsonObject values
        && values[InputBlockId]?[InputActionId]?["value"] is JsonValue value
        && value.TryGetValue<string>(out var text)
            ? text
            : null;

    private static JsonObject Input(string draft)
    {
        var input = new JsonObject
        {
            ["type"] = "plain_text_input",
            ["action_id"] = InputActionId,
            ["multiline"] = true,
            ["max_length"] = MaxInputLength,
        };
        if (!string.IsNullOrWhiteSpace(draft))
        {
            input["initial_value"] = draft.Length > MaxInputLength ? draft[..MaxInputLength] : draft;
        }

        return input;
    }
}
