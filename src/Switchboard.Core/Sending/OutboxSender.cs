using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Core.Connectors;
using Switchboard.Core.Handoff;
using Switchboard.Core.Review;
using Switchboard.Core.Storage;

namespace Switchboard.Core.Sending;

/// <summary>
/// Delivers due outbox items through their connectors, oldest first, and records each delivery the
/// moment the platform accepts it. Retryable failures back off exponentially (or as the platform's
/// Retry-After says); others are given up and logged. A post is sent twice only if the process dies
/// between the platform's acceptance and <see cref="IOutboxStore.MarkSentAsync"/> — one local write.
/// </summary>
public sealed class OutboxSender(
    IOutboxStore outbox,
    ConnectorRegistry connectors,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxSender> logger,
    TicketHandoffDelivery? handoff = null)
{
    /// <summary>Sends every due item once; returns how many were delivered.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var delivered = 0;
        foreach (var item in await outbox.ListDueAsync(time.GetUtcNow(), 100, cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                if (await DeliverAsync(item, cancellationToken))
                {
                    delivered++;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                await RecordFailureAsync(item, ex, cancellationToken);
            }
        }

        return delivered;
    }

    private async Task<bool> DeliverAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        switch (item.Kind)
        {
            case OutboxKinds.PostCard:
            {
                var channel = JsonSerializer.Deserialize<ChannelAddress>(item.TargetJson, ReviewCardOutbox.Json)!;
                var card = ReviewCardOutbox.DeserializeCard(item.PayloadJson);
                var posted = await connectors.Get(item.Connector).PostCardAsync(channel, card, cancellationToken);
                var landed = item.CaseId is { } caseId ? new CardPost(caseId, item.CardKind ?? card.Kind, posted.Connector, posted.ChannelId, posted.PlatformMessageId) : null;
                await outbox.MarkSentAsync(item.Id, landed, JsonSerializer.Serialize(posted, ReviewCardOutbox.Json), time.GetUtcNow(), CancellationToken.None);
                return true;
            }

            case OutboxKinds.UpdateCard:
            {
                var target = JsonSerializer.Deserialize<CardUpdateTarget>(item.TargetJson, ReviewCardOutbox.Json)!;
                if (await outbox.HasPendingAsync(target.CaseId, OutboxKinds.PostCard, item.Id, cancellationToken))
                {
                    // The card it updates has not landed yet; try again after the post.
                    await outbox.MarkFailedAsync(item.Id, "waiting for the card post", time.GetUtcNow() + TimeSpan.FromSeconds(options.Value.InitialBackoffSeconds), dead: false, cancellationToken);
                    return false;
                }

                var card = ReviewCardOutbox.DeserializeCard(item.PayloadJson);
                foreach (var post in await outbox.GetCardPostsAsync(target.CaseId, target.CardKind, cancellationToken))
                {
                    await connectors.Get(post.Connector).UpdateCardAsync(new PostedMessageRef(post.Connector, post.ChannelId, post.PlatformMessageId), card, cancellationToken);
                }

                await outbox.MarkSentAsync(item.Id, null, null, time.GetUtcNow(), CancellationToken.None);
                return true;
            }

            case OutboxKinds.UpdatePostedCard:
            case OutboxKinds.Pin:
            {
                var target = JsonSerializer.Deserialize<OutboxPostTarget>(item.TargetJson, ReviewCardOutbox.Json)!;
                if (await PostedByAsync(item, target.OutboxId, cancellationToken) is not { } posted)
                {
                    return false;
                }

                var connector = connectors.Get(posted.Connector);
                if (item.Kind == OutboxKinds.Pin)
                {
                    if (connector is not IMessagePinner pinner)
                    {
                        await outbox.MarkFailedAsync(item.Id, $"connector '{posted.Connector}' cannot pin messages", time.GetUtcNow(), dead: true, cancellationToken);
                        return false;
                    }

                    await pinner.PinAsync(posted, cancellationToken);
                }
                else
                {
                    await connector.UpdateCardAsync(posted, ReviewCardOutbox.DeserializeCard(item.PayloadJson), cancellationToken);
                }

                await outbox.MarkSentAsync(item.Id, null, JsonSerializer.Serialize(posted, ReviewCardOutbox.Json), time.GetUtcNow(), CancellationToken.None);
                return true;
            }

            case OutboxKinds.Reply:
            {
                var target = JsonSerializer.Deserialize<ReplyTarget>(item.TargetJson, ReviewCardOutbox.Json)!;
                var payload = JsonSerializer.Deserialize<ReplyPayload>(item.PayloadJson, ReviewCardOutbox.Json)!;
                var posted = await connectors.Get(item.Connector).SendReplyAsync(target, payload.Text, cancellationToken);
                await outbox.MarkSentAsync(item.Id, null, JsonSerializer.Serialize(posted, ReviewCardOutbox.Json), time.GetUtcNow(), CancellationToken.None);
                return true;
            }

            case OutboxKinds.HandoffTicket:
            {
                if (handoff is null || item.CaseId is not { } caseId)
                {
                    await outbox.MarkFailedAsync(item.Id, "no ticket handoff is configured", time.GetUtcNow(), dead: true, cancellationToken);
                    return false;
                }

                await handoff.DeliverAsync(caseId, cancellationToken);
                await outbox.MarkSentAsync(item.Id, null, null, time.GetUtcNow(), CancellationToken.None);
                return true;
            }

            default:
                await outbox.MarkFailedAsync(item.Id, $"unknown outbox kind '{item.Kind}'", time.GetUtcNow(), dead: true, cancellationToken);
                return false;
        }
    }

    /// <summary>
    /// Where the outbox item <paramref name="postId"/> landed; null (and the item rescheduled or given up) while that
    /// post is pending or when it never landed.
    /// </summary>
    private async Task<PostedMessageRef?> PostedByAsync(OutboxItem item, long postId, CancellationToken cancellationToken)
    {
        var post = await outbox.GetResultAsync(postId, cancellationToken);
        if (post is { Status: "sent", ResultJson: { } json })
        {
            return JsonSerializer.Deserialize<PostedMessageRef>(json, ReviewCardOutbox.Json);
        }

        if (post is { Status: "pending" })
        {
            // Not landed yet; try again after the post.
            await outbox.MarkFailedAsync(item.Id, "waiting for the post it acts on", time.GetUtcNow() + TimeSpan.FromSeconds(options.Value.InitialBackoffSeconds), dead: false, cancellationToken);
            return null;
        }

        await outbox.MarkFailedAsync(item.Id, $"the post it acts on (outbox {postId}) was never delivered", time.GetUtcNow(), dead: true, cancellationToken);
        return null;
    }

    private async Task RecordFailureAsync(OutboxItem item, Exception ex, CancellationToken cancellationToken)
    {
        var config = options.Value;
        var connectorFailure = ex as ConnectorException;
        var handoffFailure = ex as TicketHandoffException;
        var retryable = connectorFailure?.IsRetryable ?? handoffFailure?.IsRetryable ?? ex is HttpRequestException or TimeoutException or IOException;
        var attempts = item.Attempts + 1;
        var dead = !retryable || attempts >= config.MaxAttempts;
        var backoff = connectorFailure?.RetryAfter ?? handoffFailure?.RetryAfter
            ?? TimeSpan.FromSeconds(Math.Min(config.MaxBackoffSeconds, config.InitialBackoffSeconds * Math.Pow(2, attempts - 1)) * (0.8 + (0.4 * Random.Shared.NextDouble())));
        await outbox.MarkFailedAsync(item.Id, $"{ex.GetType().Name}: {ex.Message}", time.GetUtcNow() + backoff, dead, cancellationToken);
        if (dead)
        {
            Log.DeliveryAbandoned(logger, item.Id, item.Kind, item.Connector, attempts, ex.GetType().Name);
        }
        else
        {
            Log.DeliveryRetry(logger, item.Id, item.Kind, item.Connector, attempts, backoff.TotalSeconds);
        }
    }
}
