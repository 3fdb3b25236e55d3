using System.Text.Json;
using Switchboard.Core.Domain;
using Switchboard.Core.Storage;

namespace Switchboard.Core.Handoff;

/// <summary>
/// Runs a case's private handoff from the outbox: opens a ticket carrying the whole cross-channel history
/// (every customer message on every platform, and the approved reply) and links the ticket id on the case.
/// Like a platform post, creating a ticket has no idempotency key: a crash between the CRM's answer and the
/// link being committed opens a second ticket on retry; the window is one local commit.
/// </summary>
public sealed class TicketHandoffDelivery(ITicketHandoff handoff, ICaseStore cases, IMessageStore messages)
{
    public async Task DeliverAsync(long caseId, CancellationToken cancellationToken)
    {
        var c = await cases.GetAsync(caseId, cancellationToken)
            ?? throw new TicketHandoffException(TicketHandoffFailure.Invalid, $"Case {caseId} does not exist.");
        if (c.TicketRef is not null)
        {
            return;
        }

        var history = (await messages.ListByCaseAsync(caseId, cancellationToken))
            .Select(m => new CaseHistoryEntry(m.Message.SentAt, m.Message.Platform, "inbound", m.Message.AuthorHandle ?? m.Message.AuthorId, m.Message.IsPublic, m.EffectiveText))
            .ToList();
        if (c.DraftText is { Length: > 0 } reply)
        {
            history.Add(new CaseHistoryEntry(c.FirstRespondedAt ?? c.UpdatedAt, c.Platform, "outbound", "Switchboard", c.ReplyIsPublic, reply));
        }

        var customerId = c.CustomerKey[(c.CustomerKey.IndexOf(':', StringComparison.Ordinal) + 1)..];
        var ticket = await handoff.CreateTicketAsync(
            new TicketRequest(c.Id, $"{c.Intent ?? "case"} · {c.CustomerHandle ?? customerId} on {c.Platform}", c.Intent ?? "unknown", c.Severity ?? "normal", new TicketRequester(c.CustomerHandle ?? customerId, c.CustomerKey), history)
            {
                Tags = [.. new[] { c.OwnerTeam, c.Intent }.OfType<string>()],
            },
            cancellationToken);

        // The case may have moved since the outbox item was written: link against its latest version.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var latest = (await cases.GetAsync(caseId, cancellationToken))!;
            var result = await cases.CommitAsync(
                new CaseCommit(latest with { TicketRef = $"{ticket.System}:{ticket.Id}" }, latest.Version)
                {
                    Events = [new CaseEventDraft("handoff.ticket_created", "system:handoff", JsonSerializer.Serialize(new { system = ticket.System, id = ticket.Id, url = ticket.AgentUrl, entries = history.Count }), ticket.System)],
                },
                cancellationToken);
            if (result.Committed)
            {
                return;
            }
        }

        throw new TicketHandoffException(TicketHandoffFailure.Transient, $"Ticket {ticket.Id} was created but could not be linked to case {caseId}.");
    }
}
