using Switchboard.Core.Domain;

namespace Switchboard.Core.Connectors;

/// <summary>
/// The front door connectors hand normalized traffic to. <see cref="IngestAsync"/> returns only after
/// the message is durably stored, so a connector may acknowledge the platform when it returns.
/// </summary>
public interface IInboundSink
{
    Task<IngestResult> IngestAsync(InboundMessage message, CancellationToken cancellationToken);

    Task<CardActionResult> HandleActionAsync(CardActionRequest request, CancellationToken cancellationToken);
}

/// <param name="MessageId">The stored message's row id.</param>
/// <param name="Duplicate">True when (platform, platform message id) was already stored: nothing new was written.</param>
public sealed record IngestResult(long MessageId, bool Duplicate);
