using System.Text.Json.Nodes;

namespace Switchboard.Connectors.Discord;

/// <summary>Lenient number reads: a JSON number may be backed by an int, a long or a double depending on who built the node.</summary>
internal static class DiscordJson
{
    public static long? Long(JsonNode? node) => node is JsonValue v
        ? v.TryGetValue<long>(out var l) ? l : v.TryGetValue<int>(out var i) ? i : v.TryGetValue<double>(out var d) ? (long)d : null
        : null;

    public static double? Double(JsonNode? node) => node is JsonValue v
        ? v.TryGetValue<double>(out var d) ? d : v.TryGetValue<long>(out var l) ? l : v.TryGetValue<int>(out var i) ? i : null
        : null;
}
