using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Core.Cards;
using Switchboard.Core.Connectors;
using Switchboard.Core.Domain;
using Switchboard.Core.Governance;
using Switchboard.Core.Review;
using Switchboard.Core.Sending;
using Switchboard.Core.Storage;
using Switchboard.Core.Triage;

namespace Switchboard.Core.Review.Moderation;

/// <summary>
/// Runs a moderation button from a trust &amp; safety card (or the playground's case actions): the case must be
/// trust_safety, the actor needs a role with the <c>moderate</c> permission, and the connector the offending
/// message came through must have a moderator that supports the action. When the case's message is a member's report
/// about someone else (<see cref="MemberReportDetector"/>), Delete and the author actions act on the trust &amp; safety
/// message it replies to and that message's author, never on the reporter, or are refused without a platform call;
/// warnings are not affected. Every outcome goes to the case log (and
/// so to the hash-chained audit log): <c>moderation.&lt;action&gt;</c> when done, <c>moderation.&lt;action&gt;.failed</c>
/// when the bot or the platform said no, <c>moderation.refused</c> when Switchboard's own rules did. A done step
/// also edits every copy of the card in place (what was done, by whom, fresh buttons) in the same transaction, so
/// the other moderators see it; refusals leave the case and its card as they are.
/// </summary>
public sealed class ModerationService(
    ICaseStore cases,
    IMessageStore messages,
    ActionAuthorizer authorizer,
    ActorDirectory actors,
    ModerationCatalog catalog,
    MemberReportDetector reports,
    ReviewCardOutbox cards,
    OutboxSignal outboxSignal,
    IOptionsMonitor<ModerationOptions> options,
    TimeProvider time,
    ILogger<ModerationService> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="actorId">Who acts, as roles are configured for it: <c>{connector}:{platform user id}</c>.</param>
    /// <param name="actorName">Their handle for the audit log and the reply (<c>@tess</c>).</param>
    public async Task<CardActionResult> ModerateAsync(CaseRecord c, string action, string actorId, string actorName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        var actor = actors.For(actorId);
        if (!ModerationActions.IsModeration(action))
        {
            return await RefuseAsync(c, action, actor, actorName, $"'{action}' is not a moderation action; use one of: {string.Join(", ", ModerationActions.All)}.", null, cancellationToken);
        }

        if (c.Intent != Intents.TrustSafety)
        {
            return await RefuseAsync(c, action, actor, actorName, $"Moderation is for trust & safety cases; case #{c.Id} is {c.Intent ?? "not triaged yet"}. Retag it to trust_safety first.", null, cancellationToken);
        }

        var verdict = authorizer.Authorize(actor, new AuthorizationRequest(Permissions.Moderate, c.Intent));
        if (!verdict.Allowed)
        {
            return await RefuseAsync(c, action, actor, actorName, Sentence(verdict.Refusal!), verdict.Rule, cancellationToken);
        }

        var moderator = catalog.For(c.Connector);
        if (moderator is null)
        {
            return await RefuseAsync(c, action, actor, actorName, $"Moderation is not available for {c.Connector} cases: no moderator is configured for that connector.", verdict.Rule, cancellationToken);
        }

        if (!moderator.Actions.Contains(action))
        {
            return await RefuseAsync(c, action, actor, actorName, $"{c.Connector} does not support this: the bot cannot {ModerationActions.Describe(action)} there.", verdict.Rule, cancellationToken);
        }

        var history = await messages.ListByCaseAsync(c.Id, cancellationToken);
        var offending = OffendingStored(c, history);
        if (offending is null)
        {
            return await RefuseAsync(c, action, actor, actorName, $"Case #{c.Id} has no {c.Connector} message to act on.", verdict.Rule, cancellationToken);
        }

        if (!offending.Message.IsPublic)
        {
            return await RefuseAsync(c, action, actor, actorName, "The message is a private one (a DM); moderation works in groups and channels.", verdict.Rule, cancellationToken);
        }

        var target = offending.Message;
        InboundMessage? report = null;
        if (action != ModerationActions.PinWarning && reports.IsReport(offending.EffectiveText))
        {
            // A member reporting someone else: acting on this message would punish the reporter. Warnings stay
            // allowed (they punish nobody); everything else moves to the reported message or is refused.
            var (reported, refusal) = await ReportedMessageAsync(offending.Message, cancellationToken);
            if (reported is null)
            {
                return await RefuseAsync(c, action, actor, actorName, refusal!, verdict.Rule, cancellationToken);
            }

            Log.ActingOnReported(logger, action, c.Id, reported.CaseId);
            report = target;
            target = reported.Message;
        }

        var settings = options.CurrentValue;
        var request = new ModerationRequest(
            action,
            target.Connector,
            target.ChannelId,
            target.ThreadId,
            target.PlatformMessageId,
            target.AuthorId,
            settings.WarningText,
            TimeSpan.FromMinutes(settings.RestrictMinutes),
            $"Switchboard case #{c.Id.ToString(CultureInfo.InvariantCulture)}, moderator {actorName}");

        ModerationOutcome outcome;
        try
        {
            outcome = await moderator.ModerateAsync(request, cancellationToken);
        }
        catch (ConnectorException ex)
        {
            // Rate limits and outages: nothing happened, say so and record the attempt; pressing again is safe.
            Log.Failed(logger, action, c.Id, ex);
            outcome = ModerationOutcome.Refused($"{c.Connector} did not answer ({ex.Failure}); nothing was changed. Try again in a moment.");
        }

        Log.Moderated(logger, action, c.Id, c.Connector, outcome.Done);
        var redirected = report is null ? null : $"{(outcome.Done ? "acted on" : "tried")} the reported message by {AuthorName(target)}";
        var summary = outcome.Done
            ? $"{outcome.Message.TrimEnd('.')} by {actorName} at {time.GetUtcNow().UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture)}"
            : outcome.Message;
        if (redirected is not null)
        {
            summary = $"{summary.TrimEnd('.')} ({redirected})";
        }

        var detail = JsonSerializer.Serialize(
            new
            {
                action,
                done = outcome.Done,
                outcome = summary,
                actorId = actor.Id,
                connector = target.Connector,
                channelId = target.ChannelId,
                platformMessageId = target.PlatformMessageId,
                authorId = target.AuthorId,
                reportPlatformMessageId = report?.PlatformMessageId,
                reporterId = report?.AuthorId,
            },
            Json);
        var recorded = new CaseEventDraft(outcome.Done ? $"moderation.{action}" : $"moderation.{action}.failed", $"user:{actorName}", detail, verdict.Rule);
        if (!outcome.Done || !await CommitWithCardAsync(c, history, recorded, summary, cancellationToken))
        {
            await cases.AppendEventsAsync(c.Id, [recorded], cancellationToken);
        }

        return new CardActionResult(outcome.Done, outcome.Done || redirected is not null ? summary.TrimEnd('.') + "." : outcome.Message, c.Id);
    }

    /// <summary>
    /// The message a moderation button acts on first: the latest customer message of the case on the case's
    /// connector. When it reads as a member's report, Delete and the author actions move on to the message it replies to.
    /// </summary>
    public static InboundMessage? OffendingMessage(CaseRecord c, IReadOnlyList<StoredMessage> history) => OffendingStored(c, history)?.Message;

    private static StoredMessage? OffendingStored(CaseRecord c, IReadOnlyList<StoredMessage> history)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(history);
        return history.LastOrDefault(m => string.Equals(m.Message.Connector, c.Connector, StringComparison.Ordinal));
    }

    /// <summary>
    /// The message a member's report replies to, when Switchboard has stored it and it can safely be acted on; otherwise
    /// why not. Fails closed: without a stored original in the same conversation, by someone other than the reporter,
    /// and triaged trust &amp; safety itself, nothing is done on the platform.
    /// </summary>
    private async Task<(StoredMessage? Reported, string? Refusal)> ReportedMessageAsync(InboundMessage report, CancellationToken cancellationToken)
    {
        var platform = PlatformName(report.Platform);
        if (string.IsNullOrWhiteSpace(report.ReplyToPlatformMessageId))
        {
            return (null, $"This message is a member's report, and it does not reply to the message it reports, so who was reported cannot be known; act on the reported message in {platform} directly. Pin warning still works.");
        }

        var stored = await messages.FindByPlatformMessageIdAsync(report.Platform, report.ReplyToPlatformMessageId, cancellationToken);
        if (stored is null
            || !string.Equals(stored.Message.Connector, report.Connector, StringComparison.Ordinal)
            || !string.Equals(stored.Message.ChannelId, report.ChannelId, StringComparison.Ordinal))
        {
            return (null, $"This message is a member's report about another message that Switchboard has not seen; act on the reported message in {platform} directly.");
        }

        if (string.Equals(stored.Message.AuthorId, report.AuthorId, StringComparison.Ordinal))
        {
            return (null, $"This message is a member's report that replies to their own message, so Switchboard will not act on its author; act on the reported message in {platform} directly.");
        }

        if (!stored.Message.IsPublic)
        {
            return (null, "The reported message is a private one (a DM); moderation works in groups and channels.");
        }

        // Scammers use report wording too ("beware of fake admins, DM @real_help") in replies to their victims'
        // questions; acting on the replied-to author then would punish the victim. So the reported message must itself
        // have been triaged trust & safety, which the victim's question was not.
        var reportedCase = stored.CaseId is { } caseId ? await cases.GetAsync(caseId, cancellationToken) : null;
        if (reportedCase?.Intent != Intents.TrustSafety)
        {
            var why = reportedCase?.Intent is null ? "has not been triaged yet" : $"is a {reportedCase.Intent} case (#{reportedCase.Id}), not trust & safety";
            return (null, $"This message reads as a member's report, but the message it replies to, by {AuthorName(stored.Message)}, {why}, so Switchboard will not act on it from here; retag that case to trust_safety and use its card, or act in {platform} directly.");
        }

        return (stored, null);
    }

    private static string AuthorName(InboundMessage m) => string.IsNullOrWhiteSpace(m.AuthorHandle) ? m.AuthorId : m.AuthorHandle;

    private static string PlatformName(string platform) =>
        platform.Length == 0 ? platform : char.ToUpperInvariant(platform[0]) + platform[1..];

    /// <summary>
    /// Records a done step together with an in-place update of every copy of the card: the moderation so far as its
    /// reasons, and fresh tokens (the case version moves on, so older copies' buttons are stale). False when the case
    /// moved on meanwhile: the step is then recorded without touching the card.
    /// </summary>
    private async Task<bool> CommitWithCardAsync(CaseRecord c, IReadOnlyList<StoredMessage> history, CaseEventDraft recorded, string summary, CancellationToken cancellationToken)
    {
        var earlier = (await cases.GetEventsAsync(c.Id, cancellationToken))
            .Where(e => e.Kind.StartsWith("moderation.", StringComparison.Ordinal) && !e.Kind.EndsWith(".failed", StringComparison.Ordinal) && e.Kind != "moderation.refused")
            .Select(e => Summary(e.Detail))
            .OfType<string>();
        var (tokenDrafts, tokens) = cards.IssueTokens(c);
        var card = cards.Compose(c.ClusterId is null ? CardKinds.Review : CardKinds.Incident, c, c.Version + 1, history.Count > 0 ? history[^1] : null, [.. earlier, summary], 1, tokens, null);
        var result = await cases.CommitAsync(
            new CaseCommit(c, c.Version) { Events = [recorded], Outbox = [ReviewCardOutbox.UpdateAll(c.Id, card)], ActionTokens = tokenDrafts },
            cancellationToken);
        if (result.Committed)
        {
            outboxSignal.Notify();
        }

        return result.Committed;
    }

    private static string? Summary(string? detail)
    {
        if (detail is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(detail);
        return document.RootElement.TryGetProperty("outcome", out var outcome) && outcome.ValueKind == JsonValueKind.String ? outcome.GetString() : null;
    }

    private async Task<CardActionResult> RefuseAsync(CaseRecord c, string action, ReviewActor actor, string actorName, string reason, string? rule, CancellationToken cancellationToken)
    {
        // Refusals are audited like review refusals, without a new case version, so the card stays actionable for others.
        Log.Refused(logger, action, c.Id, reason);
        var detail = JsonSerializer.Serialize(new { action, actorId = actor.Id, roles = actor.Roles, reason }, Json);
        await cases.AppendEventsAsync(c.Id, [new CaseEventDraft("moderation.refused", $"user:{actorName}", detail, rule)], cancellationToken);
        return CardActionResult.Refused(reason, c.Id);
    }

    private static string Sentence(string refusal) => char.ToUpperInvariant(refusal[0]) + refusal[1..] + (refusal.EndsWith('.') ? string.Empty : ".");
}
