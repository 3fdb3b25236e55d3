using System.Text.Json;

namespace Switchboard.Connectors.Telegram.Api;

/// <summary>The Bot API envelope: <c>{"ok":true,"result":…}</c> or <c>{"ok":false,"error_code":…,"description":…,"parameters":…}</c>.</summary>
internal sealed record TelegramApiResponse
{
    public bool Ok { get; init; }

    /// <summary>Kept raw: some methods answer a Message or <c>true</c>, and the emulator answers <c>null</c>.</summary>
    public JsonElement Result { get; init; }

    public int? ErrorCode { get; init; }

    public string? Description { get; init; }

    public TelegramResponseParameters? Parameters { get; init; }
}
