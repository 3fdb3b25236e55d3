using System.Text.Json.Nodes;
using Switchboard.Core.Connectors;

namespace Switchboard.Core.Cards.Rendering;

/// <summary>
/// Renders one expanded Adaptive Card to a surface's native payload: the Teams activity attachment,
/// Slack Block Kit, a Discord embed with components, or Telegram HTML with an inline keyboard.
/// Actions in the card are <c>Action.Execute</c> elements whose <c>data.token</c> is an opaque action token
/// (at most 32 URL-safe ASCII characters); renderers carry that token into the surface's action field
/// (callback_data, custom_id, action value) unchanged, optionally behind a short prefix.
/// </summary>
public interface ICardSurfaceRenderer
{
    /// <summary>"teams", "slack", "discord", "telegram" or "playground".</summary>
    string Surface { get; }

    JsonObject Render(CardPayload card);
}
