using System.Text.Json.Serialization;

namespace Switchboard.Connectors.Slack;

/// <summary>What the Edit modal remembers: the action token and the card's channel and ts.</summary>
internal sealed record SlackEditMetadata(
    [property: JsonPropertyName("t")] string Token,
    [property: JsonPropertyName("c")] string? Channel,
    [property: JsonPropertyName("m")] string? MessageTs);
