using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Core.Routing;

namespace Switchboard.Core.Drafting;

/// <summary>
/// Turns a routing decision into reply drafts from the templates: acknowledge / act / anchor with slots filled,
/// a breadcrumb on public replies that move to a DM, personal data kept out of public text, and each platform's
/// length limit respected. An optional <see cref="IDraftRewriter"/> may rewrite the drafts; its output passes the
/// same guardrails or the template draft is kept.
/// </summary>
public sealed partial class ReplyDrafter(
    ReplyTemplateCatalog templates,
    LinkLibrary links,
    IPersonalDataScanner scanner,
    IOptions<DraftingOptions> options,
    ILogger<ReplyDrafter> logger,
    IDraftRewriter? rewriter = null)
{
    private readonly PersonalDataGuard _guard = new(scanner, links);

    /// <summary>Template drafts only (no model call).</summary>
    public DraftSet Compose(DraftRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var decision = request.Decision;
        if (decision.Filtered || decision.PublicMode == PublicResponseModes.None)
        {
            return DraftSet.Empty(templates.Version, "no reply for this case");
        }

        if (!templates.Intents.TryGetValue(decision.Intent, out var intentTemplates))
        {
            return DraftSet.Empty(templates.Version, $"no template for intent {decision.Intent}");
        }

        var notes = new List<string>();
        var needsHuman = false;
        var movesToDm = decision.PublicMode is PublicResponseModes.AcknowledgeAndMoveToDm or PublicResponseModes.WarnAndCollectEvidence;
        ReplyDraft? publicDraft = null;
        ReplyDraft? privateDraft = null;
        if (request.CustomerWasPublic && intentTemplates.Public is { } publicTemplate)
        {
            publicDraft = BuildPublic(publicTemplate, request, movesToDm, notes, ref needsHuman);
        }

        if ((!request.CustomerWasPublic || movesToDm) && intentTemplates.Private is { } privateTemplate)
        {
            privateDraft = BuildPrivate(privateTemplate, request, notes, ref needsHuman);
        }

        var held = decision.PublicMode == PublicResponseModes.HoldForReview;
        if (held)
        {
            notes.Add("held for review: nothing goes out until the approver decides");
        }

        return new DraftSet(publicDraft, privateDraft, held, needsHuman || held, notes, templates.Version);
    }

    /// <summary>Template drafts, then the optional model rewrite of each, kept only when it passes the guardrails.</summary>
    public async Task<DraftSet> ComposeAsync(DraftRequest request, CancellationToken cancellationToken)
    {
        var drafts = Compose(request);
        if (rewriter is null || !options.Value.Llm.Enabled || (drafts.Public is null && drafts.Private is null))
        {
            return drafts;
        }

        var notes = drafts.Notes.ToList();
        var redactedCustomerText = _guard.Redact(request.CustomerText, request.CustomerPii);
        var publicDraft = await RewriteAsync(drafts.Public, request, redactedCustomerText, notes, cancellationToken);
        var privateDraft = await RewriteAsync(drafts.Private, request, redactedCustomerText, notes, cancellationToken);
        var rewritten = publicDraft?.RewrittenBy is not null || privateDraft?.RewrittenBy is not null;
        var needsHuman = drafts.NeedsHuman || (rewritten && options.Value.Llm.RequireHumanApproval);
        if (rewritten && options.Value.Llm.RequireHumanApproval)
        {
            notes.Add($"rewritten by {rewriter.Model}: a person approves model text");
        }

        return drafts with { Public = publicDraft, Private = privateDraft, NeedsHuman = needsHuman, Notes = notes };
    }

    private ReplyDraft BuildPublic(ReplyTemplate template, DraftRequest request, bool breadcrumb, List<string> notes, ref bool needsHuman)
    {
        var limit = PlatformLimits.For(request.Platform);
        var missing = new List<string>();
        // Public templates cannot name personal slots (the loader refuses them); fill them with nothing regardless.
        var ack = Fill(template.Acknowledge, request, isPublic: true, missing);
        var act = Fill(template.Act, request, isPublic: true, missing);
        var anchor = Fill(template.Anchor, request, isPublic: true, missing);
        var personal = new[] { request.CustomerName, request.Reference };
        var removed = 0;
        (ack, var r1) = _guard.Clean(ack, request.CustomerText, request.CustomerPii, personal);
        (act, var r2) = _guard.Clean(act, request.CustomerText, request.CustomerPii, personal);
        (anchor, var r3) = _guard.Clean(anchor, request.CustomerText, request.CustomerPii, personal);
        removed += r1 + r2 + r3;
        if (breadcrumb && !ContainsBreadcrumb(ack + " " + act + " " + anchor))
        {
            anchor = Join(anchor, templates.Breadcrumb);
        }

        var (text, trimmed) = Fit(ack, act, anchor, limit);
        Report(missing, removed, trimmed, "public", limit, notes, ref needsHuman);
        return new ReplyDraft(text, true, template.Id, limit.Platform, limit.Max, trimmed, removed, null);
    }

    private ReplyDraft BuildPrivate(ReplyTemplate template, DraftRequest request, List<string> notes, ref bool needsHuman)
    {
        var limit = PlatformLimits.ForDirectMessage(request.PrivatePlatform ?? request.Platform);
        var missing = new List<string>();
        var ack = Fill(template.Acknowledge, request, isPublic: false, missing);
        var act = Fill(template.Act, request, isPublic: false, missing);
        var anchor = Fill(template.Anchor, request, isPublic: false, missing);
        var (text, trimmed) = Fit(ack, act, anchor, limit);
        (text, var removed) = _guard.RemoveCards(text);
        Report(missing, removed, trimmed, "private", limit, notes, ref needsHuman);
        return new ReplyDraft(text, false, template.Id, limit.Platform, limit.Max, trimmed, removed, null);
    }

    private static void Report(List<string> missing, int removed, bool trimmed, string which, PlatformLimit limit, List<string> notes, ref bool needsHuman)
    {
        if (missing.Count > 0)
        {
            notes.Add($"{which} draft: no value for {string.Join(", ", missing.Distinct().Select(s => "{" + s + "}"))}");
            needsHuman = true;
        }

        if (removed > 0)
        {
            notes.Add($"{which} draft: removed {removed} personal-data span(s)");
            needsHuman = true;
        }

        if (trimmed)
        {
            notes.Add($"{which} draft: shortened to the {limit.Platform} limit of {limit.Max}");
        }
    }

    private string Fill(string text, DraftRequest request, bool isPublic, List<string> missing) =>
        TemplateSlots.Fill(text, slot => slot switch
        {
            TemplateSlots.Name => isPublic ? null : request.CustomerName,
            TemplateSlots.Reference => isPublic ? null : request.Reference,
            _ when slot.StartsWith(TemplateSlots.LinkPrefix, StringComparison.Ordinal) =>
                links.Links.TryGetValue(slot[TemplateSlots.LinkPrefix.Length..], out var link) ? link.Url.OriginalString : null,
            _ when slot.StartsWith(TemplateSlots.CampaignPrefix, StringComparison.Ordinal) =>
                request.CampaignFacts.TryGetValue(slot[TemplateSlots.CampaignPrefix.Length..], out var fact) ? fact : null,
            _ => null,
        }, missing);

    /// <summary>
    /// Fits acknowledge + act + anchor into the limit: the act is shortened first (at sentence boundaries), then the
    /// acknowledgement, so the anchor and its breadcrumb survive.
    /// </summary>
    private static (string Text, bool Trimmed) Fit(string ack, string act, string anchor, PlatformLimit limit)
    {
        var whole = Join(ack, act, anchor);
        if (limit.Fits(whole))
        {
            return (whole, false);
        }

        var anchorCost = limit.Measure(anchor) + 1;
        var ackCost = limit.Measure(ack) + 1;
        var shorterAct = TextTrimmer.Trim(act, limit.Max - anchorCost - ackCost, limit.Measure);
        var candidate = Join(ack, shorterAct, anchor);
        if (limit.Fits(candidate))
        {
            return (candidate, true);
        }

        var shorterAck = TextTrimmer.Trim(ack, limit.Max - anchorCost, limit.Measure);
        candidate = Join(shorterAck, anchor);
        return limit.Fits(candidate) ? (candidate, true) : (TextTrimmer.Trim(anchor, limit), true);
    }

    private async Task<ReplyDraft?> RewriteAsync(ReplyDraft? draft, DraftRequest request, string redactedCustomerText, List<string> notes, CancellationToken cancellationToken)
    {
        if (draft is null || rewriter is null)
        {
            return draft;
        }

        var intent = request.Decision.Intent;
        var breadcrumb = draft.IsPublic && ContainsBreadcrumb(draft.Text) ? templates.Breadcrumb : null;
        string? text;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.Llm.TimeoutSeconds));
            text = await rewriter.RewriteAsync(
                new DraftRewriteRequest(intent, draft.IsPublic, draft.Text, redactedCustomerText, draft.Limit, breadcrumb),
                timeout.Token);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.RewriteCancelled(intent);
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.RewriteFailed(intent, ex);
            notes.Add("the model rewrite failed: the template draft is kept");
            return draft;
        }

        var reason = Check(text, draft, request);
        if (reason is not null)
        {
            logger.RewriteRejected(intent, reason);
            notes.Add($"the model rewrite was rejected ({reason}): the template draft is kept");
            return draft;
        }

        var limit = draft.IsPublic ? PlatformLimits.For(draft.Platform) : PlatformLimits.ForDirectMessage(draft.Platform);
        var rewritten = text!.Trim();
        if (breadcrumb is not null && !ContainsBreadcrumb(rewritten))
        {
            var budget = limit.Max - limit.Measure(breadcrumb) - 1;
            rewritten = Join(TextTrimmer.Trim(rewritten, budget, limit.Measure), breadcrumb);
        }

        var trimmed = !limit.Fits(rewritten);
        if (trimmed)
        {
            rewritten = breadcrumb is not null
                ? Join(TextTrimmer.Trim(rewritten.Replace(breadcrumb, string.Empty, StringComparison.Ordinal).Trim(), limit.Max - limit.Measure(breadcrumb) - 1, limit.Measure), breadcrumb)
                : TextTrimmer.Trim(rewritten, limit);
        }

        return draft with { Text = rewritten, Trimmed = trimmed, RewrittenBy = rewriter.Model };
    }

    /// <summary>Why a model's text may not be used, or null when it passes.</summary>
    private string? Check(string? text, ReplyDraft draft, DraftRequest request)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "empty";
        }

        foreach (Match url in UrlPattern().Matches(text))
        {
            if (!links.IsAllowed(url.Value))
            {
                return "a link outside the link library";
            }
        }

        if (draft.IsPublic)
        {
            var (_, removed) = _guard.Clean(text, request.CustomerText, request.CustomerPii, [request.CustomerName, request.Reference]);
            if (removed > 0)
            {
                return "personal data in a public reply";
            }
        }
        else if (_guard.RemoveCards(text).Removed > 0)
        {
            return "a payment card number";
        }

        return null;
    }

    private bool ContainsBreadcrumb(string text) =>
        text.Contains(templates.Breadcrumb, StringComparison.OrdinalIgnoreCase) || DmMention().IsMatch(text);

    private static string Join(params string[] parts) =>
        string.Join(" ", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()));

    [GeneratedRegex(@"https?://[^\s)\]>""']+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"\b(sent|sending|send) you a (DM|direct message|private message)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DmMention();
}
