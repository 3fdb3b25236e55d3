using System.Text.Json;
using System.Text.Json.Serialization;

namespace Switchboard.Connectors.Telegram.Api;

/// <summary>The one serializer setting for the Bot API: snake_case names, nulls left out, unknown fields ignored.</summary>
internal static class TelegramJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };
}
