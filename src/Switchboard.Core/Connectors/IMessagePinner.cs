namespace Switchboard.Core.Connectors;

/// <summary>
/// Implemented beside <see cref="IChatConnector"/> by connectors whose platform can pin a message in a channel
/// (Telegram pinChatMessage, Discord channel pins, Slack pins.add, the playground). Teams has no pin, so its
/// connector does not implement it. The outbox calls it for <c>message.pin</c> items, retrying transient failures.
/// </summary>
public interface IMessagePinner
{
    /// <summary>Pins a message the bot sent; pinning one that is already pinned succeeds.</summary>
    Task PinAsync(PostedMessageRef message, CancellationToken cancellationToken);
}
